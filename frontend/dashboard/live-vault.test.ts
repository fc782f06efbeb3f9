import libsodium from 'libsodium-wrappers-sumo';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { secretbox, secretstreamEncrypt, toBase64 } from '../crypto/sodium';
import type { Entity } from '../vault/types';
import { LiveVault, prefetchVault } from './live-vault';
import type { VaultSnapshot } from '../api/session-api';

const SECRET = 'JBSWY3DPEHPK3PXP';
const masterKey = new Uint8Array(32).fill(1);
const authenticatorKey = new Uint8Array(32).fill(2);

async function entity(id: string, issuer: string): Promise<Entity> {
  const uri = `otpauth://totp/${issuer}:me?secret=${SECRET}`;
  const { ciphertext, header } = await secretstreamEncrypt(new TextEncoder().encode(JSON.stringify(uri)), authenticatorKey);
  return { id, encryptedData: toBase64(ciphertext), header: toBase64(header), isDeleted: false, updatedAt: 1 };
}

async function snapshot(): Promise<VaultSnapshot> {
  const wrapped = await secretbox(authenticatorKey, masterKey);
  return {
    keyAttributes: {} as VaultSnapshot['keyAttributes'],
    authenticatorKey: { encryptedKey: toBase64(wrapped.ciphertext), header: toBase64(wrapped.nonce) },
    diff: [await entity('a', 'Alpha'), await entity('b', 'Beta')],
    timestamp: Date.now() * 1000,
  };
}

/** Serves /web/vault and counts how often the vault was fetched. */
async function serveVault() {
  const body = JSON.stringify(await snapshot());
  const fetched = vi.fn(async () => new Response(body, { status: 200 }));
  vi.stubGlobal('fetch', fetched);
  return fetched;
}

describe('the vault behind the dashboard', () => {
  beforeAll(() => libsodium.ready);
  afterEach(() => vi.unstubAllGlobals());

  it('takes over the vault that sign-in fetched and decrypted ahead with the same master key', async () => {
    const fetched = await serveVault();
    prefetchVault(masterKey);
    const vault = new LiveVault();

    await vault.fetch();
    await vault.open(masterKey);

    expect(fetched).toHaveBeenCalledTimes(1);
    expect(vault.model.list().map((item) => item.issuer)).toEqual(['Alpha', 'Beta']);
  });

  it('decrypts anew when the dashboard holds another copy of the key than the one sign-in used', async () => {
    await serveVault();
    prefetchVault(masterKey.slice());
    const vault = new LiveVault();

    await vault.fetch();
    await vault.open(masterKey);

    expect(vault.model.list().map((item) => item.issuer)).toEqual(['Alpha', 'Beta']);
  });

  it('decrypts on open when the vault was fetched ahead without a key', async () => {
    const fetched = await serveVault();
    prefetchVault();
    const vault = new LiveVault();

    await vault.fetch();
    await vault.open(masterKey);

    expect(fetched).toHaveBeenCalledTimes(1);
    expect(vault.model.size).toBe(2);
  });

  it('measures the decryption as a whole and the main thread’s share of it', async () => {
    await serveVault();
    performance.clearMeasures();
    prefetchVault(masterKey);
    const vault = new LiveVault();

    await vault.fetch();
    await vault.open(masterKey);

    const [whole] = performance.getEntriesByName('keyhole:decrypt');
    const [main] = performance.getEntriesByName('keyhole:decrypt-main');
    expect(main.duration).toBeGreaterThan(0);
    expect(main.duration).toBeLessThanOrEqual(whole.duration);
  });

  it('forgets every decrypted code when closed', async () => {
    await serveVault();
    prefetchVault(masterKey);
    const vault = new LiveVault();
    await vault.fetch();
    await vault.open(masterKey);
    vi.stubGlobal('window', globalThis);

    await vault.close();

    expect(vault.model.size).toBe(0);
  });
});
