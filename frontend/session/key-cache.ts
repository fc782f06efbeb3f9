// Where the master key lives while the vault is open, and how it survives a reload of the same tab.
//
// In memory: one module-level copy, shared by the elements of this page.
// Across a reload: sessionStorage (per tab, gone with the tab) holds the master key secretbox-wrapped
// under a random key that only the server's HTTP session holds (GET /web/session-key). Neither the
// browser's storage nor the server alone can recover the master key, and logging out or letting the
// session expire destroys the wrapping key, which makes the stored copy useless (unlike Ente's web
// client, which stores the wrapping key right beside the wrapped key: docs/protocol.md §7).
import { asBase64, fromBase64, secretbox, secretboxOpen, toBase64, type Base64 } from '../crypto/sodium';
import { HttpError } from '../api/http';
import { fetchSessionKey } from '../api/session-api';

const STORAGE_KEY = 'keyhole.wrappedMasterKey';

interface Wrapped {
  ciphertext: Base64;
  nonce: Base64;
}

let masterKey: Uint8Array | undefined;

export function heldMasterKey(): Uint8Array | undefined {
  return masterKey;
}

export function holdMasterKey(key: Uint8Array): void {
  if (masterKey !== undefined && masterKey !== key) masterKey.fill(0);
  masterKey = key;
}

/** Stores this tab's wrapped copy; the session key is wiped once used. */
export async function keepForReload(key: Uint8Array, sessionKey: Base64): Promise<void> {
  const wrappingKey = fromBase64(sessionKey);
  try {
    const { ciphertext, nonce } = await secretbox(key, wrappingKey);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ciphertext: toBase64(ciphertext), nonce: toBase64(nonce) }));
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * The master key after a reload, if this tab kept a copy and the server session still holds the key
 * that wraps it. A copy that no longer opens (another session, logged out) is removed.
 */
export async function restoreAfterReload(): Promise<Uint8Array | undefined> {
  const stored = readStored();
  if (stored === undefined) return undefined;
  let wrappingKey: Uint8Array;
  try {
    wrappingKey = fromBase64(await fetchSessionKey());
  } catch (error) {
    if (error instanceof HttpError) sessionStorage.removeItem(STORAGE_KEY);
    return undefined;
  }
  try {
    const key = await secretboxOpen(fromBase64(stored.ciphertext), fromBase64(stored.nonce), wrappingKey);
    holdMasterKey(key);
    return key;
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return undefined;
  } finally {
    wrappingKey.fill(0);
  }
}

/** Wipes the in-memory key and removes the stored copy: auto-lock and logout. */
export function forgetMasterKey(): void {
  masterKey?.fill(0);
  masterKey = undefined;
  sessionStorage.removeItem(STORAGE_KEY);
}

function readStored(): Wrapped | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (raw === null) return undefined;
  try {
    const value = JSON.parse(raw) as Wrapped;
    return { ciphertext: asBase64(value.ciphertext), nonce: asBase64(value.nonce) };
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return undefined;
  }
}

/** Whether this tab holds the master key, in memory or wrapped for a reload: whether there is anything to lock. */
export function isMasterKeyKept(): boolean {
  return masterKey !== undefined || sessionStorage.getItem(STORAGE_KEY) !== null;
}
