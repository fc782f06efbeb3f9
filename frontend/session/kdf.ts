// The main-thread side of the key derivation: one short-lived worker per derivation, so that the
// hundreds of MiB of WebAssembly memory Argon2id grew are released as soon as the key is out.
import { CryptoError } from '../crypto/sodium';
import { deriveKek, type KdfParameters } from '../vault/keys';
import type { KdfRequest, KdfResponse } from './kdf-worker';

export async function deriveKekOffMainThread(password: string, params: KdfParameters): Promise<Uint8Array> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // No module workers (very old browsers): derive here; the page freezes but sign-in still works.
    return deriveKek(password, params);
  }
  performance.mark('keyhole:kdf-start');
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<KdfResponse>) =>
        'kek' in event.data ? resolve(event.data.kek) : reject(new CryptoError(event.data.error));
      worker.onerror = () => reject(new CryptoError('key derivation worker failed'));
      worker.postMessage({ password, params } satisfies KdfRequest);
    });
  } finally {
    worker.terminate();
    performance.measure('keyhole:kdf', 'keyhole:kdf-start');
  }
}
