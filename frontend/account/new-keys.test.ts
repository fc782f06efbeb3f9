// A new account's keys open the way every Ente client opens them: the master key with the KEK and with
// the recovery key, the recovery key with the master key, the private key with the master key, and the
// private key matches the public key (a box sealed to it opens).
import libsodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { CryptoError, fromBase64, secretboxOpen } from '../crypto/sodium';
import { openMasterKey, openToken } from '../vault/keys';
import { deriveNewKek, NotEnoughMemory, type Derive } from './new-kek';
import { newAccountKeys, rewrapUnderNewKek } from './new-keys';

const MIB = 1024 * 1024;

/** Stands in for Argon2id (tested on its vectors elsewhere): records what was asked, fails where told. */
function fakeDerive(failAbove: number, asked: { memLimit: number; opsLimit: number }[]): Derive {
  return async (_password, { memLimit, opsLimit }) => {
    asked.push({ memLimit, opsLimit });
    if (memLimit > failAbove) throw new CryptoError('key derivation failed');
    return crypto.getRandomValues(new Uint8Array(32));
  };
}

beforeAll(async () => {
  await libsodium.ready;
});

describe('the KEK of a new password', () => {
  it("starts at Ente's 256 MiB × 16 with a fresh 16-byte salt", async () => {
    const asked: { memLimit: number; opsLimit: number }[] = [];
    const kek = await deriveNewKek('a password', fakeDerive(Infinity, asked));
    expect(asked).toEqual([{ memLimit: 256 * MIB, opsLimit: 16 }]);
    expect([kek.memLimit, kek.opsLimit]).toEqual([256 * MIB, 16]);
    expect(fromBase64(kek.kekSalt)).toHaveLength(16);
  });

  it('halves the memory and doubles the passes down to 128 MiB × 32 when memory is short', async () => {
    const asked: { memLimit: number; opsLimit: number }[] = [];
    const kek = await deriveNewKek('a password', fakeDerive(128 * MIB, asked));
    expect(asked).toEqual([
      { memLimit: 256 * MIB, opsLimit: 16 },
      { memLimit: 128 * MIB, opsLimit: 32 },
    ]);
    expect([kek.memLimit, kek.opsLimit]).toEqual([128 * MIB, 32]);
  });

  it('gives up below the floor the server accepts', async () => {
    const asked: { memLimit: number; opsLimit: number }[] = [];
    await expect(deriveNewKek('a password', fakeDerive(64 * MIB, asked))).rejects.toThrow(NotEnoughMemory);
    expect(asked.map((a) => a.memLimit)).toEqual([256 * MIB, 128 * MIB]);
  });

  it('derives with the salt it reports, so other clients derive the same KEK', async () => {
    const salts: string[] = [];
    const kek = await deriveNewKek('a password', async (_password, params) => {
      salts.push(params.kekSalt);
      return new Uint8Array(32);
    });
    expect(salts).toEqual([kek.kekSalt]);
  });
});

describe('a new account', () => {
  const newKek = async () => deriveNewKek('pw', fakeDerive(Infinity, []));

  it('wraps the master key under the KEK and under the recovery key, and the recovery key under the master key', async () => {
    const kek = await newKek();
    const { masterKey, recoveryKey, keyAttributes: a } = await newAccountKeys(kek);
    expect(await openMasterKey(kek.kek, a)).toEqual(masterKey);
    expect(
      await secretboxOpen(fromBase64(a.masterKeyEncryptedWithRecoveryKey), fromBase64(a.masterKeyDecryptionNonce), recoveryKey),
    ).toEqual(masterKey);
    expect(
      await secretboxOpen(fromBase64(a.recoveryKeyEncryptedWithMasterKey), fromBase64(a.recoveryKeyDecryptionNonce), masterKey),
    ).toEqual(recoveryKey);
    expect([a.kekSalt, a.memLimit, a.opsLimit]).toEqual([kek.kekSalt, kek.memLimit, kek.opsLimit]);
  });

  it('has a key pair the server can seal the token to', async () => {
    const { masterKey, keyAttributes } = await newAccountKeys(await newKek());
    const token = crypto.getRandomValues(new Uint8Array(32));
    const sealed = libsodium.crypto_box_seal(token, fromBase64(keyAttributes.publicKey));
    const opened = await openToken(
      libsodium.to_base64(sealed, libsodium.base64_variants.ORIGINAL) as never,
      keyAttributes,
      masterKey,
    );
    expect(opened).toBe(libsodium.to_base64(token, libsodium.base64_variants.URLSAFE));
  });

  it('makes different keys every time', async () => {
    const kek = await newKek();
    const [one, two] = [await newAccountKeys(kek), await newAccountKeys(kek)];
    expect(one.masterKey).not.toEqual(two.masterKey);
    expect(one.recoveryKey).not.toEqual(two.recoveryKey);
    expect(one.keyAttributes.publicKey).not.toBe(two.keyAttributes.publicKey);
  });

  it('re-wraps the same master key under a new password, which the old KEK no longer opens', async () => {
    const { masterKey, keyAttributes } = await newAccountKeys(await newKek());
    const second = await newKek();
    const updated = await rewrapUnderNewKek(masterKey, second);
    expect(await openMasterKey(second.kek, updated)).toEqual(masterKey);
    expect(updated.kekSalt).not.toBe(keyAttributes.kekSalt);
    await expect(openMasterKey(crypto.getRandomValues(new Uint8Array(32)), updated)).rejects.toThrow(CryptoError);
  });
});
