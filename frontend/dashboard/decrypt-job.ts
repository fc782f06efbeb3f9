// What the vault's decryption worker does with one request, as a plain function: the worker only wires
// it to its messages, and the tests call it directly.
import { wipe } from '../crypto/sodium';
import { decryptEntities, type EntityResult } from '../vault/entities';
import type { Entity } from '../vault/types';

export interface DecryptRequest {
  entities: readonly Entity[];
  /** The worker's own copy (transferred): wiped here once the entities are decrypted. */
  authenticatorKey: Uint8Array;
}

/** Per-entity results as decryptEntities gives them: plain strings, so the answer clones cheaply. */
export type DecryptResponse = { results: EntityResult[] } | { error: string };

export async function answerDecryptRequest({ entities, authenticatorKey }: DecryptRequest): Promise<DecryptResponse> {
  try {
    return { results: await decryptEntities(entities, authenticatorKey) };
  } catch {
    // decryptEntities reports damaged entities per entity; what is left is libsodium failing to load.
    return { error: 'vault decryption failed' };
  } finally {
    await wipe(authenticatorKey).catch(() => authenticatorKey.fill(0));
  }
}
