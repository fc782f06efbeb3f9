import libsodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVector } from '../test-support/vectors';
import {
  argon2id,
  asBase64,
  CryptoError,
  fromBase64,
  loadSodium,
  loginKey,
  randomBytes,
  sealedBoxOpen,
  secretbox,
  secretboxOpen,
  secretstreamDecrypt,
  secretstreamEncrypt,
  toBase64,
  toBase64UrlPadded,
} from './sodium';

interface SodiumVectors {
  argon2id: { password: string; salt: string; memLimit: number; opsLimit: number; keyB64: string }[];
  kdfLoginKey: { kekB64: string; loginKey16B64: string };
  secretbox: { keyB64: string; nonceB64: string; plaintext: string; ciphertextB64: string };
  secretstreamSingleChunk: {
    keyB64: string;
    plaintext: string;
    finalTag: { header: string; ciphertext: string };
    messageTag: { header: string; ciphertext: string };
  };
  sealedBox: {
    publicKeyB64: string;
    privateKeyB64: string;
    plaintextB64: string;
    plaintextUrlSafeB64: string;
    ciphertextB64: string;
  };
}

const v = readVector<SodiumVectors>('sodium.json');
const bytes = (value: string): Uint8Array => fromBase64(asBase64(value));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

describe('libsodium facade', () => {
  beforeAll(() => libsodium.ready);

  it('loads libsodium once and shares it', async () => {
    expect(await loadSodium()).toBe(await loadSodium());
  });

  it.each(v.argon2id)('derives the Argon2id key for $memLimit bytes / $opsLimit ops', async (c) => {
    const key = await argon2id(c.password, bytes(c.salt), c.opsLimit, c.memLimit);
    expect(toBase64(key)).toBe(c.keyB64);
  });

  it('derives the 16-byte SRP login key from the KEK', async () => {
    const key = await loginKey(bytes(v.kdfLoginKey.kekB64));
    expect(toBase64(key)).toBe(v.kdfLoginKey.loginKey16B64);
  });

  it('seals a secretbox exactly as the vector when given its nonce', async () => {
    const { ciphertext } = await secretbox(utf8(v.secretbox.plaintext), bytes(v.secretbox.keyB64), bytes(v.secretbox.nonceB64));
    expect(toBase64(ciphertext)).toBe(v.secretbox.ciphertextB64);
  });

  it('opens the secretbox vector', async () => {
    const plain = await secretboxOpen(bytes(v.secretbox.ciphertextB64), bytes(v.secretbox.nonceB64), bytes(v.secretbox.keyB64));
    expect(text(plain)).toBe(v.secretbox.plaintext);
  });

  it('seals a secretbox with a fresh 24-byte nonce by default', async () => {
    const key = await randomBytes(32);
    const first = await secretbox(utf8('same'), key);
    const second = await secretbox(utf8('same'), key);
    expect(first.nonce).toHaveLength(24);
    expect(first.nonce).not.toEqual(second.nonce);
    expect(text(await secretboxOpen(first.ciphertext, first.nonce, key))).toBe('same');
  });

  it('refuses a secretbox under the wrong key with an error that carries no key material', async () => {
    const wrongKey = new Uint8Array(32).fill(7);
    const attempt = secretboxOpen(bytes(v.secretbox.ciphertextB64), bytes(v.secretbox.nonceB64), wrongKey);
    await expect(attempt).rejects.toBeInstanceOf(CryptoError);
    await expect(attempt).rejects.toSatisfy((e: CryptoError) => !e.message.includes(toBase64(wrongKey)) && e.cause === undefined);
  });

  it('opens a single-chunk secretstream written with TAG_FINAL', async () => {
    const c = v.secretstreamSingleChunk;
    const plain = await secretstreamDecrypt(bytes(c.finalTag.ciphertext), bytes(c.finalTag.header), bytes(c.keyB64));
    expect(text(plain)).toBe(c.plaintext);
  });

  it('opens a single-chunk secretstream written with TAG_MESSAGE, as older Ente Auth apps did', async () => {
    const c = v.secretstreamSingleChunk;
    const plain = await secretstreamDecrypt(bytes(c.messageTag.ciphertext), bytes(c.messageTag.header), bytes(c.keyB64));
    expect(text(plain)).toBe(c.plaintext);
  });

  it('refuses a secretstream chunk tagged PUSH or REKEY', async () => {
    const key = await randomBytes(32);
    for (const tag of [
      libsodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
      libsodium.crypto_secretstream_xchacha20poly1305_TAG_REKEY,
    ]) {
      const { state, header } = libsodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const ciphertext = libsodium.crypto_secretstream_xchacha20poly1305_push(state, utf8('x'), null, tag);
      await expect(secretstreamDecrypt(ciphertext, header, key)).rejects.toThrow('unexpected tag');
    }
  });

  it('refuses a tampered secretstream', async () => {
    const c = v.secretstreamSingleChunk;
    const ciphertext = bytes(c.finalTag.ciphertext);
    ciphertext.set([ciphertext.at(5)! ^ 1], 5);
    await expect(secretstreamDecrypt(ciphertext, bytes(c.finalTag.header), bytes(c.keyB64))).rejects.toBeInstanceOf(CryptoError);
  });

  it('writes a secretstream with TAG_FINAL that it reads back', async () => {
    const key = await randomBytes(32);
    const { ciphertext, header } = await secretstreamEncrypt(utf8('"otpauth://totp/x?secret=AA"'), key);
    expect(ciphertext).toHaveLength(28 + 17);
    const state = libsodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    const pulled = libsodium.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext, null);
    expect(pulled && pulled.tag).toBe(libsodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    expect(text(await secretstreamDecrypt(ciphertext, header, key))).toBe('"otpauth://totp/x?secret=AA"');
  });

  it('opens the sealed box, whose contents re-encode as the URL-safe padded token', async () => {
    const s = v.sealedBox;
    const plain = await sealedBoxOpen(bytes(s.ciphertextB64), bytes(s.publicKeyB64), bytes(s.privateKeyB64));
    expect(toBase64(plain)).toBe(s.plaintextB64);
    expect(toBase64UrlPadded(plain)).toBe(s.plaintextUrlSafeB64);
  });

  it('refuses a sealed box opened with another key pair', async () => {
    const other = libsodium.crypto_box_keypair();
    await expect(sealedBoxOpen(bytes(v.sealedBox.ciphertextB64), other.publicKey, other.privateKey)).rejects.toBeInstanceOf(
      CryptoError,
    );
  });
});
