// The main-thread side of the vault's decryption at sign-in. One worker per sign-in, started early
// (warmEntityDecryptor) so that creating it and compiling libsodium's WebAssembly in it, tens of ms, are
// done while Argon2id or the passkey ceremony runs, not after the vault arrives. It does one job, the
// whole vault, and is terminated, so that no key or decrypted code outlives it in a second heap.
//
// Everything else decrypts on the main thread: the dashboard's polls bring 0-3 entities, for which a
// postMessage round trip costs more than the work, and keeping a worker for them would keep the
// authenticator key in it for the whole session. So does any vault when no worker was warmed (a
// reload): starting one only then would cost more than it saves.
import { CryptoError } from '../crypto/sodium';
import { decryptEntities, type EntityResult } from '../vault/entities';
import type { Entity } from '../vault/types';
import type { DecryptRequest, DecryptResponse } from './decrypt-job';

/**
 * Fewer live entities than this decrypt on the main thread even with a worker ready: at ~50 µs each
 * (decrypt and parse, measured at 1,000 codes) they cost less than cloning them there and back.
 */
export const WORKER_FROM_ENTITIES = 32;

export interface Decrypted {
  results: EntityResult[];
  /**
   * How long this took the main thread: all of it without a worker; with one, posting the request and
   * reading the answer (the clones), as near as the page can time them.
   */
  mainThreadMillis: number;
}

interface Warm {
  worker: Worker;
  /** Rejects when the worker fails (its script or libsodium did not load): listened to from the start. */
  failed: Promise<never>;
}

let warm: Warm | undefined;

/** Starts the worker now, if none is waiting; harmless where workers cannot be made. */
export function warmEntityDecryptor(): void {
  warm ??= startWorker();
}

/** Terminates a worker that was started but not used (a failed sign-in, a lock, a passkey without PRF). */
export function stopEntityDecryptor(): void {
  warm?.worker.terminate();
  warm = undefined;
}

/** Decrypts a diff in the warmed worker when there is one and the diff is large enough, else here. */
export async function decryptDiff(entities: readonly Entity[], authenticatorKey: Uint8Array): Promise<Decrypted> {
  const ready = warm;
  warm = undefined;
  try {
    const live = entities.filter((entity) => !entity.isDeleted).length;
    if (ready && live >= WORKER_FROM_ENTITIES) {
      // A worker that failed leaves the main thread able to do the work.
      return await inWorker(ready, entities, authenticatorKey).catch(() => onMainThread(entities, authenticatorKey));
    }
    return await onMainThread(entities, authenticatorKey);
  } finally {
    ready?.worker.terminate();
  }
}

function startWorker(): Warm | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./decrypt-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined; // No module workers (very old browsers): the main thread decrypts.
  }
  const failed = new Promise<never>((_, reject) => {
    worker.onerror = () => reject(new CryptoError('vault decryption worker failed'));
    worker.onmessageerror = () => reject(new CryptoError('vault decryption worker failed'));
  });
  failed.catch(() => undefined);
  return { worker, failed };
}

async function onMainThread(entities: readonly Entity[], authenticatorKey: Uint8Array): Promise<Decrypted> {
  const started = performance.now();
  const results = await decryptEntities(entities, authenticatorKey);
  return { results, mainThreadMillis: performance.now() - started };
}

async function inWorker({ worker, failed }: Warm, entities: readonly Entity[], authenticatorKey: Uint8Array): Promise<Decrypted> {
  let mainThreadMillis = 0;
  const answered = new Promise<EntityResult[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<DecryptResponse>) => {
      const reading = performance.now();
      const response = event.data;
      mainThreadMillis += performance.now() - reading;
      if ('results' in response) resolve(response.results);
      else reject(new CryptoError(response.error));
    };
  });
  // The worker gets a copy of its own, transferred, and wipes it; the dashboard keeps its key for the polls.
  const key = authenticatorKey.slice();
  const posting = performance.now();
  try {
    worker.postMessage({ entities, authenticatorKey: key } satisfies DecryptRequest, { transfer: [key.buffer] });
  } catch (error) {
    key.fill(0); // Not sent (nothing was transferred): this copy is still here.
    throw error;
  }
  mainThreadMillis += performance.now() - posting;
  const results = await Promise.race([answered, failed]);
  // The worker's round trip, for the benchmark (and the browser test that the vault went there).
  performance.measure('keyhole:decrypt-worker', { start: posting, end: performance.now() });
  return { results, mainThreadMillis };
}
