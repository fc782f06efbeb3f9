import libsodium from 'libsodium-wrappers-sumo';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { secretstreamEncrypt, toBase64 } from '../crypto/sodium';
import { decryptEntities } from '../vault/entities';
import type { Entity } from '../vault/types';
import { answerDecryptRequest, type DecryptRequest } from './decrypt-job';
import { decryptDiff, stopEntityDecryptor, warmEntityDecryptor, WORKER_FROM_ENTITIES } from './entity-decryptor';

const authenticatorKey = new Uint8Array(32).fill(5);

async function entity(id: string): Promise<Entity> {
  const uri = `otpauth://totp/Issuer${id}:me?secret=JBSWY3DPEHPK3PXP`;
  const { ciphertext, header } = await secretstreamEncrypt(new TextEncoder().encode(JSON.stringify(uri)), authenticatorKey);
  return { id, encryptedData: toBase64(ciphertext), header: toBase64(header), isDeleted: false, updatedAt: 1 };
}

async function vaultOf(count: number): Promise<Entity[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => entity(String(i))));
}

/**
 * A module worker as the browser gives one, running decrypt-worker.ts's job in this thread: messages are
 * structured clones both ways, and a transferred buffer leaves the sender detached.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  static failsToLoad = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  received: DecryptRequest[] = [];
  terminated = false;

  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
    // The browser reports a script that did not load as soon as it knows, whoever listens by then.
    if (FakeWorker.failsToLoad) setTimeout(() => this.onerror?.(new Event('error')), 0);
  }

  postMessage(message: DecryptRequest, options: { transfer: Transferable[] }): void {
    if (FakeWorker.failsToLoad) return;
    const request = structuredClone(message, options);
    this.received.push(request);
    void answerDecryptRequest(request).then((response) => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(response) } as MessageEvent);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('decrypting the vault off the main thread', () => {
  beforeAll(() => libsodium.ready);
  afterEach(() => {
    stopEntityDecryptor();
    vi.unstubAllGlobals();
    FakeWorker.made = [];
    FakeWorker.failsToLoad = false;
  });

  it('decrypts a whole vault in the worker warmed ahead, with a copy of the key that the worker wipes', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    performance.clearMeasures();
    const vault = await vaultOf(WORKER_FROM_ENTITIES);
    warmEntityDecryptor();

    const { results } = await decryptDiff(vault, authenticatorKey);

    expect(results).toEqual(await decryptEntities(vault, authenticatorKey));
    const [worker] = FakeWorker.made;
    expect(worker.url.pathname).toMatch(/decrypt-worker\.ts$/);
    expect(worker.received).toHaveLength(1);
    expect(worker.received[0].authenticatorKey).toEqual(new Uint8Array(32));
    expect(authenticatorKey).toEqual(new Uint8Array(32).fill(5));
    expect(worker.terminated).toBe(true);
    expect(performance.getEntriesByName('keyhole:decrypt-worker')).toHaveLength(1);
  });

  it('makes one worker however often it is warmed, and none for the next vault once it was used', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    warmEntityDecryptor();
    warmEntityDecryptor();

    await decryptDiff(await vaultOf(WORKER_FROM_ENTITIES), authenticatorKey);
    const { results } = await decryptDiff(await vaultOf(WORKER_FROM_ENTITIES), authenticatorKey);

    expect(FakeWorker.made).toHaveLength(1);
    expect(results).toHaveLength(WORKER_FROM_ENTITIES);
  });

  it('decrypts a small diff here and ends the warmed worker unused', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const diff = await vaultOf(3);
    warmEntityDecryptor();

    const { results } = await decryptDiff(diff, authenticatorKey);

    expect(results).toEqual(await decryptEntities(diff, authenticatorKey));
    expect(FakeWorker.made[0].received).toEqual([]);
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('decrypts here when the worker failed to load before the vault came', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.failsToLoad = true;
    const vault = await vaultOf(WORKER_FROM_ENTITIES);
    warmEntityDecryptor();
    await new Promise((resolve) => setTimeout(resolve, 0));

    const { results } = await decryptDiff(vault, authenticatorKey);

    expect(results).toEqual(await decryptEntities(vault, authenticatorKey));
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('decrypts here where module workers cannot be made, and says it all took the main thread', async () => {
    vi.stubGlobal('Worker', undefined);
    const vault = await vaultOf(WORKER_FROM_ENTITIES);
    warmEntityDecryptor();

    const { results, mainThreadMillis } = await decryptDiff(vault, authenticatorKey);

    expect(results).toEqual(await decryptEntities(vault, authenticatorKey));
    expect(mainThreadMillis).toBeGreaterThan(0);
  });

  it('ends a warmed worker on stop (a failed sign-in, a lock), so the next vault decrypts here', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    warmEntityDecryptor();

    stopEntityDecryptor();
    await decryptDiff(await vaultOf(WORKER_FROM_ENTITIES), authenticatorKey);

    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(FakeWorker.made[0].received).toEqual([]);
  });
});

describe('the decryption worker’s job', () => {
  beforeAll(() => libsodium.ready);

  it('answers with each entity’s URI or error, skips tombstones, and wipes the key it was given', async () => {
    const key = authenticatorKey.slice();
    const damaged = { ...(await entity('broken')), header: toBase64(new Uint8Array(24)) };
    const tombstone: Entity = { id: 'gone', encryptedData: null, header: null, isDeleted: true, updatedAt: 2 };

    const response = await answerDecryptRequest({ entities: [await entity('a'), damaged, tombstone], authenticatorKey: key });

    expect(response).toEqual({
      results: [
        { id: 'a', uri: 'otpauth://totp/Issuera:me?secret=JBSWY3DPEHPK3PXP' },
        { id: 'broken', error: expect.stringMatching(/secretstream/) },
      ],
    });
    expect(key).toEqual(new Uint8Array(32));
  });
});
