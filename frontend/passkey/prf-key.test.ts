import libsodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, fromBase64, toBase64 } from '../crypto/sodium';
import { deriveWrappingKey, PrfSaltMismatch, unwrapMasterKey, WRAPPING_CONTEXT, wrapMasterKey } from './prf-key';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const salt = new Uint8Array(Buffer.from('keyhole passkey vault unlock v1 salt stand-in'.slice(0, 32)));

describe('PRF-wrapped master key', () => {
  beforeAll(() => libsodium.ready);

  it('derives the wrapping key as BLAKE2b-256 of the context label keyed by the PRF output', async () => {
    const prf = new Uint8Array(32).map((_, i) => i);
    const key = await deriveWrappingKey(prf);
    expect(key).toHaveLength(32);
    expect(hex(key)).toBe(hex(libsodium.crypto_generichash(32, new TextEncoder().encode(WRAPPING_CONTEXT), prf)));
    // Pinned: a change of label, key order or length would lock every registered passkey out.
    expect(hex(key)).toBe(PINNED_KEY_FOR_BYTES_0_TO_31);
  });

  it('wraps and unwraps the master key with the same PRF output, and wipes the PRF outputs it was given', async () => {
    const masterKey = crypto.getRandomValues(new Uint8Array(32));
    const prf = crypto.getRandomValues(new Uint8Array(32));
    const wrapping = prf.slice();
    const unwrapping = prf.slice();

    const wrapped = await wrapMasterKey(masterKey, wrapping, salt);
    expect(wrapped.salt).toBe(toBase64(salt));
    expect(fromBase64(wrapped.nonce)).toHaveLength(24);
    expect(fromBase64(wrapped.wrappedKey)).toHaveLength(32 + 16);
    expect(wrapped.wrappedKey).not.toContain(toBase64(masterKey).slice(0, 8));
    expect(wrapping.every((byte) => byte === 0)).toBe(true);

    expect(hex(await unwrapMasterKey(wrapped, unwrapping, salt))).toBe(hex(masterKey));
    expect(unwrapping.every((byte) => byte === 0)).toBe(true);
  });

  it('refuses to open with the PRF output of another credential', async () => {
    const wrapped = await wrapMasterKey(
      crypto.getRandomValues(new Uint8Array(32)),
      crypto.getRandomValues(new Uint8Array(32)),
      salt,
    );
    await expect(unwrapMasterKey(wrapped, crypto.getRandomValues(new Uint8Array(32)), salt)).rejects.toBeInstanceOf(CryptoError);
  });

  it('does not try a PRF output evaluated with another salt than the one the key was wrapped with', async () => {
    const prf = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await wrapMasterKey(crypto.getRandomValues(new Uint8Array(32)), prf.slice(), salt);
    const otherSalt = salt.slice().reverse();
    await expect(unwrapMasterKey(wrapped, prf, otherSalt)).rejects.toBeInstanceOf(PrfSaltMismatch);
    expect(prf.every((byte) => byte === 0)).toBe(true);
  });

  it('accepts only a 32-byte PRF output', async () => {
    await expect(deriveWrappingKey(new Uint8Array(16))).rejects.toBeInstanceOf(CryptoError);
  });
});

// Computed independently: Python's hashlib.blake2b(b'keyhole passkey wrapping key v1', key=bytes(range(32)), digest_size=32).
const PINNED_KEY_FOR_BYTES_0_TO_31 = '0bd6befc05ffa2967dda77a4c38be0376f6eb82108737af1ed2f50774bf32199';
