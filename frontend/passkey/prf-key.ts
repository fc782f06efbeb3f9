// The master key wrapped under a passkey's PRF output, so that one touch opens the vault.
//
// Wrapping key = BLAKE2b-256 (libsodium crypto_generichash, 32-byte output) of the UTF-8 bytes of
// WRAPPING_CONTEXT, keyed by the 32-byte PRF output. Keying BLAKE2b with the secret and hashing a fixed
// label makes a key that is used for nothing else, even if the same credential's PRF served another
// purpose with the same salt. The master key is then sealed with crypto_secretbox_easy (XSalsa20-Poly1305,
// random 24-byte nonce), the construction Ente uses for every key it wraps. The server stores
// {salt, wrappedKey, nonce} in standard base64 and can open none of it: the PRF output and the derived
// key exist only here, and are wiped as soon as the box is sealed or opened.
import { asBase64, CryptoError, fromBase64, loadSodium, secretbox, secretboxOpen, toBase64, type Base64 } from '../crypto/sodium';

export const WRAPPING_CONTEXT = 'keyhole passkey wrapping key v1';
const PRF_OUTPUT_BYTES = 32;
const KEY_BYTES = 32;

/** What the server keeps per passkey (the wire form of dev.keyhole.passkey.PrfWrappedKey). */
export interface PrfWrappedKey {
  /** The PRF salt the passkey was evaluated with. */
  salt: Base64;
  wrappedKey: Base64;
  nonce: Base64;
}

/** The wrapped key was made with another PRF salt than the one this browser evaluated. */
export class PrfSaltMismatch extends Error {
  override name = 'PrfSaltMismatch';
}

export async function deriveWrappingKey(prfOutput: Uint8Array): Promise<Uint8Array> {
  if (prfOutput.length !== PRF_OUTPUT_BYTES) throw new CryptoError('a PRF output has 32 bytes');
  const sodium = await loadSodium();
  const context = new TextEncoder().encode(WRAPPING_CONTEXT);
  try {
    return sodium.crypto_generichash(KEY_BYTES, context, prfOutput);
  } catch {
    throw new CryptoError('wrapping key derivation failed');
  }
}

/** Seals the master key under the PRF output of `salt`. Wipes the PRF output. */
export async function wrapMasterKey(masterKey: Uint8Array, prfOutput: Uint8Array, salt: Uint8Array): Promise<PrfWrappedKey> {
  const wrappingKey = await derivingThenWiping(prfOutput);
  try {
    const { ciphertext, nonce } = await secretbox(masterKey, wrappingKey);
    return { salt: toBase64(salt), wrappedKey: toBase64(ciphertext), nonce: toBase64(nonce) };
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Opens the master key with the PRF output of `evaluatedSalt`. Wipes the PRF output. A wrong PRF output
 * (another credential, another relying party) fails as a CryptoError: secretbox authenticates.
 */
export async function unwrapMasterKey(
  wrapped: PrfWrappedKey,
  prfOutput: Uint8Array,
  evaluatedSalt: Uint8Array,
): Promise<Uint8Array> {
  if (!sameBytes(fromBase64(asBase64(wrapped.salt)), evaluatedSalt)) {
    prfOutput.fill(0);
    throw new PrfSaltMismatch('the key was wrapped with another PRF salt');
  }
  const wrappingKey = await derivingThenWiping(prfOutput);
  try {
    return await secretboxOpen(fromBase64(asBase64(wrapped.wrappedKey)), fromBase64(asBase64(wrapped.nonce)), wrappingKey);
  } finally {
    wrappingKey.fill(0);
  }
}

async function derivingThenWiping(prfOutput: Uint8Array): Promise<Uint8Array> {
  try {
    return await deriveWrappingKey(prfOutput);
  } finally {
    prfOutput.fill(0);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
