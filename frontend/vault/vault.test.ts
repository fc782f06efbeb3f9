import libsodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVector } from '../test-support/vectors';
import { asBase64, CryptoError, fromBase64, loginKey, secretstreamEncrypt, toBase64, type Base64 } from '../crypto/sodium';
import { decryptEntities, decryptEntity, EntityError } from './entities';
import { deriveKek, openAuthenticatorKey, openMasterKey, openSecretKey, openToken } from './keys';
import type { Entity, KeyAttributes, WrappedAuthenticatorKey } from './types';

interface AccountVector {
  password: string;
  keyAttributes: KeyAttributes;
  authenticatorKey: WrappedAuthenticatorKey;
  entities: Entity[];
  expectedPlaintexts: string[];
  secretsForTestsOnly: { kekB64: string; masterKeyB64: string; authenticatorKeyB64: string; loginKeyB64: string };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An entity as an Ente client would write it, for cases the shared vectors do not cover. */
async function entityHolding(id: string, plaintext: string, key: Uint8Array): Promise<Entity> {
  const { ciphertext, header } = await secretstreamEncrypt(utf8(plaintext), key);
  return { id, encryptedData: toBase64(ciphertext), header: toBase64(header), isDeleted: false, updatedAt: 1 };
}

/** Every step of an unlock checked against the intermediate keys the vector gives for tests. */
async function unlocksEndToEnd(account: AccountVector): Promise<void> {
  const secrets = account.secretsForTestsOnly;
  const kek = await deriveKek(account.password, account.keyAttributes);
  expect(toBase64(kek)).toBe(secrets.kekB64);
  expect(toBase64(await loginKey(kek))).toBe(secrets.loginKeyB64);

  const masterKey = await openMasterKey(kek, account.keyAttributes);
  expect(toBase64(masterKey)).toBe(secrets.masterKeyB64);

  const secretKey = await openSecretKey(account.keyAttributes, masterKey);
  expect(toBase64(libsodium.crypto_scalarmult_base(secretKey))).toBe(account.keyAttributes.publicKey);

  const authenticatorKey = await openAuthenticatorKey(account.authenticatorKey, masterKey);
  expect(toBase64(authenticatorKey)).toBe(secrets.authenticatorKeyB64);

  const results = await decryptEntities(account.entities, authenticatorKey);
  const live = account.entities.filter((entity) => !entity.isDeleted);
  expect(results).toEqual(live.map((entity, i) => ({ id: entity.id, uri: account.expectedPlaintexts[i] })));
}

describe('vault decrypt pipeline', () => {
  const fast = readVector<AccountVector>('ente-account-fast.json');
  const masterKey = fromBase64(asBase64(fast.secretsForTestsOnly.masterKeyB64));
  const authenticatorKey = fromBase64(asBase64(fast.secretsForTestsOnly.authenticatorKeyB64));

  beforeAll(() => libsodium.ready);

  it('unlocks the fast test account and reads every live entity, skipping the tombstone', async () => {
    expect(fast.entities.some((entity) => entity.isDeleted)).toBe(true);
    await unlocksEndToEnd(fast);
  });

  it('unlocks an account with the Argon2id parameters Ente picks for new accounts (256 MiB, 16 ops)', async () => {
    await unlocksEndToEnd(readVector<AccountVector>('ente-account-real-kdf.json'));
  }, 180_000);

  it('refuses the master key when the password is wrong', async () => {
    const kek = await deriveKek('wrong horse battery staple', fast.keyAttributes);
    await expect(openMasterKey(kek, fast.keyAttributes)).rejects.toBeInstanceOf(CryptoError);
  });

  it('opens the auth token sealed to the account and returns it as URL-safe padded base64', async () => {
    // Bytes whose base64 has '+' and '/', so the variant shows.
    const rawToken = new Uint8Array(32).fill(0xfb);
    const publicKey = fromBase64(fast.keyAttributes.publicKey);
    const encryptedToken = toBase64(libsodium.crypto_box_seal(rawToken, publicKey));
    const token = await openToken(encryptedToken, fast.keyAttributes, masterKey);
    expect(token).toBe(Buffer.from(rawToken).toString('base64url') + '=');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}=$/);
  });

  it('reads the legacy entity form {rawData, display} as its rawData', async () => {
    const uri = 'otpauth://totp/Old:bob?secret=JBSWY3DPEHPK3PXP&issuer=Old';
    const entity = await entityHolding('legacy', JSON.stringify({ rawData: uri, display: { pinned: true } }), authenticatorKey);
    expect(await decryptEntity(entity, authenticatorKey)).toBe(uri);
  });

  it('rejects a plaintext that is neither a JSON string nor a {rawData} object', async () => {
    for (const plaintext of ['42', '{"uri":"otpauth://totp/x"}', 'null', '["otpauth://totp/x"]']) {
      const entity = await entityHolding('odd', plaintext, authenticatorKey);
      await expect(decryptEntity(entity, authenticatorKey)).rejects.toBeInstanceOf(EntityError);
    }
  });

  it('rejects a plaintext that is not JSON without quoting it, since it holds a secret', async () => {
    const entity = await entityHolding('raw', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', authenticatorKey);
    await expect(decryptEntity(entity, authenticatorKey)).rejects.toSatisfy(
      (e: Error) => e instanceof EntityError && !e.message.includes('JBSWY3DPEHPK3PXP'),
    );
  });

  it('refuses to decrypt a tombstone', async () => {
    const tombstone = fast.entities.find((entity) => entity.isDeleted)!;
    await expect(decryptEntity(tombstone, authenticatorKey)).rejects.toBeInstanceOf(EntityError);
  });

  it('keeps reading the other entities when one fails, and reports the failure for that one', async () => {
    const [first, second, third] = fast.entities;
    const damaged: Entity = { ...second!, encryptedData: toBase64(new Uint8Array(40)) as Base64 };
    const results = await decryptEntities([first!, damaged, third!], authenticatorKey);
    expect(results).toEqual([
      { id: first!.id, uri: fast.expectedPlaintexts[0] },
      { id: second!.id, error: expect.stringContaining('secretstream') },
      { id: third!.id, uri: fast.expectedPlaintexts[2] },
    ]);
  });

  it('reports every entity as failed under the wrong authenticator key, without throwing', async () => {
    const results = await decryptEntities(fast.entities, new Uint8Array(32));
    expect(results).toHaveLength(fast.entities.length - 1);
    expect(results.every((result) => 'error' in result)).toBe(true);
  });
});
