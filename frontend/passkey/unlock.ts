// Unlocking with a passkey while the web session is valid (a new tab, a bookmark, after auto-lock): the
// server verifies the assertion belongs to the signed-in account and hands back the wrapped master key,
// which only this passkey's PRF output opens.
import * as api from './api';
import { fromBase64Url } from '../crypto/base64';
import { unwrapMasterKey } from './prf-key';
import { getCredential, requestOptions } from './webauthn';

/** None of the account's passkeys can open the vault, or the one used gave no PRF output. */
export class PasskeyCannotUnlock extends Error {
  override name = 'PasskeyCannotUnlock';
  constructor(readonly reason: 'none-unlocks' | 'no-prf-output') {
    super(reason === 'none-unlocks' ? 'no passkey of this account unlocks the vault' : 'the authenticator gave no PRF output');
  }
}

export async function unlockWithPasskey(): Promise<Uint8Array> {
  const options = await api.unlockOptions();
  if (options.allowCredentialIds?.length === 0) throw new PasskeyCannotUnlock('none-unlocks');
  const asserted = await getCredential(requestOptions(options));
  const prfOutput = asserted.prfOutput;
  if (!prfOutput) throw new PasskeyCannotUnlock('no-prf-output');
  try {
    const { prf } = await api.unlock(asserted.credential);
    return await unwrapMasterKey(prf, prfOutput, fromBase64Url(options.prfSalt));
  } finally {
    prfOutput.fill(0);
  }
}
