// The "passkey after the password" policy, Ente's way: verify-session answered with a passkeySessionID
// instead of the keys; an assertion with one of the account's passkeys turns it into what verify-session
// would have answered. Used by the password sign-in and by the /passkeys/verify page for other apps.
import * as api from './api';
import { getCredential, requestOptions } from './webauthn';

export async function passSecondFactor(passkeySessionID: string): Promise<api.SecondFactorPassed> {
  const begun = await api.beginSecondFactor(passkeySessionID);
  const publicKey = begun.options.publicKey;
  const asserted = await getCredential(
    requestOptions({
      challenge: publicKey.challenge,
      rpId: publicKey.rpId,
      timeout: publicKey.timeout,
      allowCredentialIds: publicKey.allowCredentials?.map((credential) => credential.id),
    }),
  );
  asserted.prfOutput?.fill(0);
  return api.finishSecondFactor(begun.ceremonySessionID, passkeySessionID, asserted.credential);
}
