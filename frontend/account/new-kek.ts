// The key-encryption key of a new password (sign-up, recovery, password change), chosen as Ente's web
// client chooses it (web/packages/base/crypto/libsodium.ts deriveSensitiveKey): 256 MiB × 16 passes,
// and where the browser cannot have that much memory, half the memory and twice the passes down to the
// server's floor of 128 MiB × 32, so the work (memory × passes) stays the same 4 GiB.
import { CryptoError, randomBytes, toBase64, type Base64 } from '../crypto/sodium';
import { deriveKekOffMainThread } from '../session/kdf';
import type { KdfParameters } from '../vault/keys';

const MIB = 1024 * 1024;
const FIRST = { memLimit: 256 * MIB, opsLimit: 16 };
const FLOOR_MEMORY = 128 * MIB;
const SALT_BYTES = 16;

export interface NewKek {
  kek: Uint8Array;
  kekSalt: Base64;
  memLimit: number;
  opsLimit: number;
}

/** The browser could not give even the floor's memory: this device cannot set this password. */
export class NotEnoughMemory extends Error {
  override name = 'NotEnoughMemory';
}

export type Derive = (password: string, params: KdfParameters) => Promise<Uint8Array>;

export async function deriveNewKek(password: string, derive: Derive = deriveKekOffMainThread): Promise<NewKek> {
  const kekSalt = toBase64(await randomBytes(SALT_BYTES));
  let { memLimit, opsLimit } = FIRST;
  while (memLimit >= FLOOR_MEMORY) {
    try {
      return { kek: await derive(password, { kekSalt, memLimit, opsLimit }), kekSalt, memLimit, opsLimit };
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      memLimit /= 2;
      opsLimit *= 2;
    }
  }
  throw new NotEnoughMemory('key derivation failed at every memory size');
}
