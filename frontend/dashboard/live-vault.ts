// The open vault behind the dashboard: fetches the encrypted vault from /web/vault, opens it with the
// master key, keeps it current by polling the diff, and keeps the clock offset to the server.
import { wipe } from '../crypto/sodium';
import { clockOffsetMillis, correctedNow, microsToMillis } from '../otp/clock';
import { openAuthenticatorKey } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { fetchVault, type VaultSnapshot } from '../api/session-api';
import { decryptDiff, stopEntityDecryptor } from './entity-decryptor';
import { VaultModel } from './vault-model';
import { rememberViewFragment } from './view-fragment';

/** Within the 30 s for a change made by a sync client to show, with room for one failed poll. */
export const POLL_INTERVAL_MS = 10_000;

interface Timed {
  snapshot: VaultSnapshot;
  offsetMillis: number;
  /** Decrypted ahead, when the master key was already known: whose key it was, and the result. */
  opened?: Promise<Opened>;
}

interface Opened {
  masterKey: Uint8Array;
  authenticatorKey: Uint8Array | undefined;
  model: VaultModel;
}

let prefetched: Promise<Timed> | undefined;

/**
 * Starts loading the whole vault now (right after sign-in), for the dashboard that is about to open.
 * Given the master key, it decrypts too: that work then overlaps the round trip to the server that
 * navigates to the dashboard, instead of following it. The sign-in page's fragment (a bookmarked
 * search) is kept for the dashboard too: that navigation drops it. Without the key (a passkey without
 * PRF) nothing is decrypted ahead, and a decryption worker the sign-in started is let go.
 */
export function prefetchVault(masterKey?: Uint8Array): void {
  rememberViewFragment();
  if (masterKey === undefined) stopEntityDecryptor();
  prefetched = fetchTimed(0).then((timed) => {
    performance.mark('keyhole:vault-prefetched');
    return masterKey === undefined ? timed : { ...timed, opened: openAhead(timed.snapshot, masterKey) };
  });
  prefetched.catch(() => undefined);
}

async function openAhead(snapshot: VaultSnapshot, masterKey: Uint8Array): Promise<Opened> {
  const model = new VaultModel();
  const authenticatorKey = await openInto(model, snapshot, masterKey);
  return { masterKey, authenticatorKey, model };
}

/**
 * Decrypts a whole vault (in the sign-in's worker if one is ready) and parses it into the model; returns
 * the authenticator key, undefined for an account before its first code. Measured for the benchmark:
 * 'keyhole:decrypt' from the start to the parsed model, as ever, and 'keyhole:decrypt-main' whose
 * duration is the main thread's share of that (a sum of its pieces, not an interval).
 */
async function openInto(model: VaultModel, snapshot: VaultSnapshot, masterKey: Uint8Array): Promise<Uint8Array | undefined> {
  performance.mark('keyhole:decrypt-start');
  const started = performance.now();
  try {
    // Absent, not null, from the server: its JSON leaves null fields out (an account before its first code).
    if (snapshot.authenticatorKey == null) return undefined;
    const authenticatorKey = await openAuthenticatorKey(snapshot.authenticatorKey, masterKey);
    let mainThreadMillis = performance.now() - started;
    const decrypted = await decryptDiff(snapshot.diff, authenticatorKey);
    const parsing = performance.now();
    model.applyDecrypted(snapshot.diff, decrypted.results);
    mainThreadMillis += decrypted.mainThreadMillis + performance.now() - parsing;
    performance.measure('keyhole:decrypt-main', { start: started, duration: mainThreadMillis });
    return authenticatorKey;
  } finally {
    // Used by now, or of no use: an empty vault, a key that did not open.
    stopEntityDecryptor();
    performance.measure('keyhole:decrypt', 'keyhole:decrypt-start');
  }
}

async function fetchTimed(sinceTime: number): Promise<Timed> {
  const sent = Date.now();
  const snapshot = await fetchVault(sinceTime);
  const received = Date.now();
  return { snapshot, offsetMillis: clockOffsetMillis(microsToMillis(snapshot.timestamp), (sent + received) / 2) };
}

export class LiveVault {
  model = new VaultModel();
  keyAttributes: KeyAttributes | undefined;
  private authenticatorKey: Uint8Array | undefined;
  private pending: VaultSnapshot | undefined;
  private openedAhead: Promise<Opened> | undefined;
  private offsetMillis = 0;
  private poller: number | undefined;
  /** When (this browser's clock) the server last answered a fetch: for "Synced 8 s ago". */
  lastSyncedAt = 0;

  /** Fetches the whole encrypted vault; nothing is decrypted yet. */
  async fetch(): Promise<void> {
    const early = prefetched;
    prefetched = undefined;
    this.pending = await this.timed(0, early);
    this.keyAttributes = this.pending.keyAttributes;
  }

  /** Decrypts what fetch() brought with the master key (or takes what sign-in decrypted with it ahead). */
  async open(masterKey: Uint8Array): Promise<void> {
    const ahead = await this.takeOpenedAhead();
    if (ahead?.masterKey === masterKey) {
      this.pending = undefined;
      this.model.clear();
      this.model = ahead.model;
      this.authenticatorKey = ahead.authenticatorKey;
      return;
    }
    if (ahead) await discard(ahead);
    const snapshot = this.pending ?? (await this.timed(0));
    this.pending = undefined;
    const authenticatorKey = await openInto(this.model, snapshot, masterKey);
    if (authenticatorKey === undefined) return;
    if (this.authenticatorKey) await wipe(this.authenticatorKey);
    this.authenticatorKey = authenticatorKey;
  }

  /**
   * Polls the diff every POLL_INTERVAL_MS; `onChange` runs when a code appeared, changed or vanished,
   * `onSynced` after every poll that reached the server, `onFailure` after every one that did not.
   */
  startPolling(masterKey: Uint8Array, onChange: () => void, onFailure: (error: unknown) => void, onSynced?: () => void): void {
    this.stopPolling();
    const poll = async () => {
      try {
        if (await this.applySnapshot(await this.timed(this.model.lastUpdatedAt), masterKey)) onChange();
        onSynced?.();
      } catch (error) {
        onFailure(error);
      }
    };
    this.poller = window.setInterval(poll, POLL_INTERVAL_MS);
  }

  stopPolling(): void {
    window.clearInterval(this.poller);
    this.poller = undefined;
  }

  /** Now on the server's clock (offset = server − local, measured at the middle of the round trip). */
  now(): number {
    return correctedNow(this.offsetMillis);
  }

  /** Wipes the authenticator key and every decrypted code, and ends a decryption worker not yet used. */
  async close(): Promise<void> {
    this.stopPolling();
    stopEntityDecryptor();
    this.model.clear();
    this.pending = undefined;
    const ahead = await this.takeOpenedAhead();
    if (ahead) await discard(ahead);
    if (this.authenticatorKey) await wipe(this.authenticatorKey);
    this.authenticatorKey = undefined;
  }

  /** A poll's diff: decrypted on the main thread (see entity-decryptor.ts for why). */
  private async applySnapshot(snapshot: VaultSnapshot, masterKey: Uint8Array): Promise<boolean> {
    if (snapshot.authenticatorKey == null) return false;
    this.authenticatorKey ??= await openAuthenticatorKey(snapshot.authenticatorKey, masterKey);
    return this.model.apply(snapshot.diff, this.authenticatorKey);
  }

  private async timed(sinceTime: number, early?: Promise<Timed>): Promise<VaultSnapshot> {
    const { snapshot, offsetMillis, opened } = await (early?.catch(() => fetchTimed(sinceTime)) ?? fetchTimed(sinceTime));
    this.offsetMillis = offsetMillis;
    this.openedAhead = opened;
    this.lastSyncedAt = Date.now();
    return snapshot;
  }

  /** The vault decrypted ahead at sign-in, once; undefined if there was none or it failed. */
  private async takeOpenedAhead(): Promise<Opened | undefined> {
    const ahead = this.openedAhead;
    this.openedAhead = undefined;
    return ahead?.catch(() => undefined);
  }
}

/** A vault decrypted ahead with another key than the one the dashboard holds: wiped, never shown. */
async function discard(opened: Opened): Promise<void> {
  opened.model.clear();
  if (opened.authenticatorKey) await wipe(opened.authenticatorKey);
}
