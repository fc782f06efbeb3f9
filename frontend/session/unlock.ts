// Unlocking while the web session is valid: the password gives the KEK, the KEK opens the master key
// from the account's key attributes. No SRP and no network round trip beyond the session key.
import { CryptoError, wipe } from '../crypto/sodium';
import { openMasterKey } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { deriveKekOffMainThread } from './kdf';

/** The password was wrong (the KEK does not open the master key). */
export class WrongPassword extends Error {
  override name = 'WrongPassword';
}

export async function unlockWithPassword(password: string, attributes: KeyAttributes): Promise<Uint8Array> {
  const kek = await deriveKekOffMainThread(password, attributes);
  try {
    return await openMasterKey(kek, attributes);
  } catch (error) {
    if (error instanceof CryptoError) throw new WrongPassword('wrong password');
    throw error;
  } finally {
    await wipe(kek);
  }
}
