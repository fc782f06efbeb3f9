// Registering a passkey from the settings while the vault is open. When the authenticator supports PRF,
// the master key held in this page is wrapped under the passkey's PRF output and the opaque result is
// stored with the credential, so the passkey alone opens the vault later.
import * as api from './api';
import { fromBase64Url, toBase64Url } from '../crypto/base64';
import { wrapMasterKey } from './prf-key';
import { createCredential, creationOptions, getCredential, requestOptions } from './webauthn';

export interface Registered {
  passkey: api.Passkey;
  /** Why the passkey signs in but does not unlock, if it does not. */
  withoutUnlock?: 'no-prf' | 'prf-step-failed';
}

export async function registerPasskey(name: string, masterKey: Uint8Array): Promise<Registered> {
  const options = await api.registrationOptions();
  const salt = fromBase64Url(options.prfSalt);
  const created = await createCredential(creationOptions(options));
  const passkey = await api.register(name, created.credential);
  let prfOutput = created.prfOutput;
  if (!prfOutput && created.prfEnabled) {
    try {
      prfOutput = await evaluatePrf(passkey.id, options.rpId, options.prfSalt);
    } catch {
      return { passkey, withoutUnlock: 'prf-step-failed' };
    }
  }
  if (!prfOutput) return { passkey, withoutUnlock: created.prfEnabled ? 'prf-step-failed' : 'no-prf' };
  try {
    await api.attachPrfKey(passkey.id, await wrapMasterKey(masterKey, prfOutput, salt));
  } catch {
    return { passkey, withoutUnlock: 'prf-step-failed' };
  }
  return { passkey: { ...passkey, unlocksVault: true } };
}

/**
 * Most authenticators evaluate PRF only in an assertion. The challenge is local and random: the server
 * never sees this assertion (nothing is signed in by it), only its PRF output matters here.
 */
async function evaluatePrf(credentialId: string, rpId: string, prfSalt: string): Promise<Uint8Array | undefined> {
  const challenge = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const asserted = await getCredential(requestOptions({ challenge, rpId, prfSalt, allowCredentialIds: [credentialId] }));
  return asserted.prfOutput;
}
