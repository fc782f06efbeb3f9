import libsodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { secretstreamEncrypt, toBase64 } from '../crypto/sodium';
import type { Entity } from '../vault/types';
import { VaultModel } from './vault-model';

const key = new Uint8Array(32).fill(7);
let updatedAt = 0;

async function entity(id: string, uri: string): Promise<Entity> {
  const { ciphertext, header } = await secretstreamEncrypt(new TextEncoder().encode(JSON.stringify(uri)), key);
  return { id, encryptedData: toBase64(ciphertext), header: toBase64(header), isDeleted: false, updatedAt: ++updatedAt };
}

const tombstone = (id: string): Entity => ({ id, encryptedData: null, header: null, isDeleted: true, updatedAt: ++updatedAt });
const display = (json: object) => `&codeDisplay=${encodeURIComponent(JSON.stringify(json))}`;
const SECRET = 'JBSWY3DPEHPK3PXP';

describe('decrypted vault', () => {
  beforeAll(() => libsodium.ready);

  it('sorts pinned first, then by issuer and account, and puts codes without an issuer last', async () => {
    const model = new VaultModel();
    await model.apply(
      [
        await entity('a', `otpauth://totp/zeta:z?secret=${SECRET}`),
        await entity('b', `otpauth://totp/Beta:y?secret=${SECRET}`),
        await entity('c', `otpauth://totp/beta:x?secret=${SECRET}`),
        await entity('d', `otpauth://totp/Zulu:p?secret=${SECRET}${display({ pinned: true })}`),
        await entity('e', `otpauth://totp/noissuer?secret=${SECRET}`),
      ],
      key,
    );
    expect(model.list().map((item) => item.id)).toEqual(['d', 'c', 'b', 'a', 'e']);
  });

  it('hides trashed codes, shows unreadable ones as such, and applies tombstones and updates', async () => {
    const model = new VaultModel();
    const damaged = { ...(await entity('broken', `otpauth://totp/X:y?secret=${SECRET}`)), header: toBase64(new Uint8Array(24)) };
    await model.apply(
      [
        await entity('kept', `otpauth://totp/Kept:k?secret=${SECRET}${display({ tags: ['work'], note: 'n' })}`),
        await entity('trashed', `otpauth://totp/Gone:g?secret=${SECRET}${display({ trashed: true })}`),
        await entity('bad-secret', 'otpauth://totp/Bad:b?secret=1!'),
        damaged,
      ],
      key,
    );
    expect(model.list().map((item) => item.id)).toEqual(['bad-secret', 'kept', 'broken']);
    expect(model.list().find((item) => item.id === 'broken')!.error).toMatch(/secretstream/);
    expect(model.list().find((item) => item.id === 'bad-secret')!.error).toBe('invalid secret');
    expect(model.tags()).toEqual(['work']);

    await model.apply([tombstone('kept'), await entity('trashed', `otpauth://totp/Back:b?secret=${SECRET}`)], key);
    expect(model.list().map((item) => item.issuer)).toEqual(['Back', 'Bad', '']);
    expect(model.lastUpdatedAt).toBe(updatedAt);
  });

  it('forgets everything when cleared', async () => {
    const model = new VaultModel();
    await model.apply([await entity('a', `otpauth://totp/A:a?secret=${SECRET}`)], key);
    model.clear();
    expect(model.list()).toEqual([]);
    expect(model.lastUpdatedAt).toBe(0);
  });
});
