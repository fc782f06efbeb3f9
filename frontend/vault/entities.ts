// Authenticator entities → otpauth URI strings (docs/protocol.md §4, "Entity plaintext").
// Each entity is decrypted on its own: one damaged or unexpected entity must cost the user that one
// code, never the whole vault, so decryptEntities reports failures per entity instead of throwing.
import { fromBase64, secretstreamDecrypt } from '../crypto/sodium';
import type { Entity } from './types';

/** An entity that could not be read. Messages are fixed strings: never plaintext, never key bytes. */
export class EntityError extends Error {
  override name = 'EntityError';
}

export type EntityResult = { id: string; uri: string } | { id: string; error: string };

/** Decrypts one live entity to the otpauth URI it holds. */
export async function decryptEntity(entity: Entity, authenticatorKey: Uint8Array): Promise<string> {
  if (entity.isDeleted || entity.encryptedData === null || entity.header === null) {
    throw new EntityError('entity is deleted and holds no data');
  }
  const plaintext = await secretstreamDecrypt(fromBase64(entity.encryptedData), fromBase64(entity.header), authenticatorKey);
  return uriFromPlaintext(utf8(plaintext));
}

/** Decrypts every live entity; tombstones are skipped, failures become results with an error. */
export async function decryptEntities(entities: readonly Entity[], authenticatorKey: Uint8Array): Promise<EntityResult[]> {
  const live = entities.filter((entity) => !entity.isDeleted);
  return Promise.all(
    live.map(async (entity): Promise<EntityResult> => {
      try {
        return { id: entity.id, uri: await decryptEntity(entity, authenticatorKey) };
      } catch (error) {
        return { id: entity.id, error: error instanceof Error ? error.message : 'entity could not be read' };
      }
    }),
  );
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EntityError('entity plaintext is not UTF-8');
  }
}

/**
 * The plaintext is JSON: normally a JSON string holding the URI (what every current Ente client writes);
 * the legacy object form {rawData, display} carries the URI in rawData. JSON.parse's own error quotes
 * the input, which here contains a TOTP secret, so its message is replaced.
 */
function uriFromPlaintext(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new EntityError('entity plaintext is not JSON');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'rawData' in value && typeof value.rawData === 'string') {
    return value.rawData;
  }
  throw new EntityError('entity plaintext is neither a URI string nor a {rawData} object');
}
