// Signing in with a passkey alone: a discoverable assertion (no email typed) that opens the same kind of
// web session as the password path. With PRF the vault opens at once; otherwise the dashboard asks for
// the password, which then only decrypts locally.
import { useCsrfToken } from '../api/http';
import type { WebSession } from '../api/session-api';
import * as api from './api';
import { fromBase64Url } from '../crypto/base64';
import { unwrapMasterKey, type PrfWrappedKey } from './prf-key';
import { getCredential, requestOptions } from './webauthn';

export interface PasskeySignIn {
  session: WebSession;
  /** Present when the passkey gave a PRF output that opened the master key wrapped for it. */
  masterKey?: Uint8Array;
}

/**
 * `mediation: 'conditional'` waits for the person to pick a passkey from the email field's autofill; the
 * signal lets the page abort that wait when another way of signing in is chosen.
 */
export async function signInWithPasskey({
  mediation,
  signal,
  onAsserted,
}: {
  mediation?: CredentialMediationRequirement;
  signal?: AbortSignal;
  /** Called once the person has used a passkey, before the server judges it. */
  onAsserted?: () => void;
} = {}): Promise<PasskeySignIn> {
  const options = await api.signInOptions();
  performance.mark('keyhole:passkey:options');
  signal?.throwIfAborted();
  const asserted = await getCredential(requestOptions(options), { mediation, signal });
  performance.mark('keyhole:passkey:asserted');
  onAsserted?.();
  let signedIn: api.PasskeySignedIn;
  try {
    signedIn = await api.signIn(asserted.credential);
  } catch (error) {
    asserted.prfOutput?.fill(0);
    throw error;
  }
  performance.mark('keyhole:passkey:verified');
  if (signedIn.csrfToken) useCsrfToken(signedIn.csrfToken);
  const session: WebSession = { sessionKey: signedIn.sessionKey, next: signedIn.next, csrfToken: signedIn.csrfToken };
  const masterKey = await openIfPossible(signedIn.prf, asserted.prfOutput, fromBase64Url(options.prfSalt));
  performance.mark('keyhole:passkey:unwrapped');
  return { session, masterKey };
}

/**
 * The session is open whatever happens here: a passkey without a wrapped key, an authenticator without
 * PRF, or a wrapped key that does not open (made by another salt or another credential) all lead to the
 * password prompt rather than to a failed sign-in.
 */
async function openIfPossible(
  wrapped: PrfWrappedKey | null,
  prfOutput: Uint8Array | undefined,
  salt: Uint8Array,
): Promise<Uint8Array | undefined> {
  if (!prfOutput) return undefined;
  if (!wrapped) {
    prfOutput.fill(0);
    return undefined;
  }
  try {
    return await unwrapMasterKey(wrapped, prfOutput, salt);
  } catch {
    return undefined;
  }
}
