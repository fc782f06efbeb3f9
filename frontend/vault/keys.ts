// The key unwrap chain of an Ente account (docs/protocol.md §1, §3, §4):
// password → KEK → master key → { X25519 secret key → auth token, authenticator key }.
// Pure functions over the libsodium facade; nothing here keeps a key or sends one anywhere.
import {
  argon2id,
  fromBase64,
  sealedBoxOpen,
  secretboxOpen,
  toBase64UrlPadded,
  type Base64,
  type Base64UrlPadded,
} from '../crypto/sodium';
import type { KeyAttributes, WrappedAuthenticatorKey } from './types';

export type KdfParameters = Pick<KeyAttributes, 'kekSalt' | 'memLimit' | 'opsLimit'>;

/** The key-encryption key. Takes seconds at Ente's 256 MiB / 16 ops: run it in a worker. */
export function deriveKek(password: string, params: KdfParameters): Promise<Uint8Array> {
  return argon2id(password, fromBase64(params.kekSalt), params.opsLimit, params.memLimit);
}

/** Fails with a CryptoError when the password (so the KEK) is wrong. */
export function openMasterKey(
  kek: Uint8Array,
  attributes: Pick<KeyAttributes, 'encryptedKey' | 'keyDecryptionNonce'>,
): Promise<Uint8Array> {
  return secretboxOpen(fromBase64(attributes.encryptedKey), fromBase64(attributes.keyDecryptionNonce), kek);
}

/** The account's X25519 private key ("secretKey" on the wire). */
export function openSecretKey(
  attributes: Pick<KeyAttributes, 'encryptedSecretKey' | 'secretKeyDecryptionNonce'>,
  masterKey: Uint8Array,
): Promise<Uint8Array> {
  return secretboxOpen(fromBase64(attributes.encryptedSecretKey), fromBase64(attributes.secretKeyDecryptionNonce), masterKey);
}

/**
 * The auth token the server sealed to the account's public key. The box holds the 32 raw bytes; the
 * server issued and expects them as URL-safe base64 *with* padding, so that is the form returned.
 */
export async function openToken(
  encryptedToken: Base64,
  attributes: Pick<KeyAttributes, 'publicKey' | 'encryptedSecretKey' | 'secretKeyDecryptionNonce'>,
  masterKey: Uint8Array,
): Promise<Base64UrlPadded> {
  const secretKey = await openSecretKey(attributes, masterKey);
  try {
    const raw = await sealedBoxOpen(fromBase64(encryptedToken), fromBase64(attributes.publicKey), secretKey);
    return toBase64UrlPadded(raw);
  } finally {
    secretKey.fill(0);
  }
}

/** The one key under which every authenticator entity is encrypted. */
export function openAuthenticatorKey(wrapped: WrappedAuthenticatorKey, masterKey: Uint8Array): Promise<Uint8Array> {
  return secretboxOpen(fromBase64(wrapped.encryptedKey), fromBase64(wrapped.header), masterKey);
}
