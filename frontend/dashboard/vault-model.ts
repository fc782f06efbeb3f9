// The decrypted vault of one open dashboard: entities applied as the diff delivers them (changes and
// tombstones), parsed into OTP entries, trashed ones hidden, unreadable ones kept and marked. Lives only
// in memory and is wiped on lock.
import { decryptEntities, type EntityResult } from '../vault/entities';
import type { Entity } from '../vault/types';
import { parseOtpauth, type OtpEntry } from '../otp/otpauth';

export interface CodeItem {
  id: string;
  issuer: string;
  account: string;
  tags: string[];
  note: string;
  pinned: boolean;
  /** totp, hotp or steam as read from the URI; 'unreadable' when the entity could not be decrypted. */
  type: string;
  /** Present when a code can be generated. */
  entry?: OtpEntry;
  /** Why this entity shows no code: it could not be decrypted, or its URI cannot be used. */
  error?: string;
  /** The decrypted text of an entry whose URI cannot be used, for "copy raw data"; never set otherwise. */
  raw?: string;
  /** Lower-cased issuer, account, tags and note: what search looks through. */
  haystack: string;
}

export class VaultModel {
  private readonly items = new Map<string, CodeItem>();
  private sorted: CodeItem[] | undefined;
  /** The newest updatedAt applied: the sinceTime of the next diff. */
  lastUpdatedAt = 0;

  /** Applies one diff; returns whether anything visible changed. */
  async apply(diff: readonly Entity[], authenticatorKey: Uint8Array): Promise<boolean> {
    if (diff.length === 0) return false;
    return this.applyDecrypted(diff, await decryptEntities(diff, authenticatorKey));
  }

  /**
   * Applies one diff whose live entities were decrypted elsewhere (the sign-in's worker): the parsing
   * stays here, because cloning parsed entries back from a worker would cost a third to half of what
   * parsing them does (1,000 codes in Node's V8: parsing 4-9 ms, cloning the entries 1.5-2 ms, cloning
   * the URIs 0.5 ms), and would split the model's rules across two threads.
   */
  applyDecrypted(diff: readonly Entity[], decrypted: readonly EntityResult[]): boolean {
    if (diff.length === 0) return false;
    const results = new Map(decrypted.map((result) => [result.id, result]));
    for (const entity of diff) {
      this.lastUpdatedAt = Math.max(this.lastUpdatedAt, entity.updatedAt);
      const result = results.get(entity.id);
      const item = entity.isDeleted || result === undefined ? undefined : toItem(result);
      if (item === undefined) this.items.delete(entity.id);
      else this.items.set(entity.id, item);
    }
    this.sorted = undefined;
    return true;
  }

  /** Pinned first, then issuer, then account (case-insensitive); entries without an issuer last. */
  list(): readonly CodeItem[] {
    this.sorted ??= [...this.items.values()].sort(compareItems);
    return this.sorted;
  }

  tags(): string[] {
    const tags = new Set<string>();
    for (const item of this.items.values()) for (const tag of item.tags) tags.add(tag);
    return [...tags].sort(collator.compare);
  }

  get size(): number {
    return this.items.size;
  }

  /** Drops every decrypted value (auto-lock, logout). Strings cannot be overwritten in JS; dropping them is what remains. */
  clear(): void {
    this.items.clear();
    this.sorted = undefined;
    this.lastUpdatedAt = 0;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function toItem(result: EntityResult): CodeItem | undefined {
  if ('error' in result) {
    return {
      id: result.id,
      issuer: '',
      account: '',
      tags: [],
      note: '',
      pinned: false,
      type: 'unreadable',
      error: result.error,
      haystack: '',
    };
  }
  const entry = parseOtpauth(result.uri);
  if (entry.display.trashed) return undefined;
  const { issuer, account } = entry;
  const { tags, note, pinned } = entry.display;
  return {
    id: result.id,
    issuer,
    account,
    tags,
    note,
    pinned,
    type: entry.type,
    entry: entry.error === undefined ? entry : undefined,
    error: entry.error,
    ...(entry.error === undefined ? {} : { raw: result.uri }),
    haystack: [issuer, account, ...tags, note].join('\n').toLowerCase(),
  };
}

export function compareItems(left: CodeItem, right: CodeItem): number {
  if (left.pinned !== right.pinned) return left.pinned ? -1 : 1;
  if ((left.issuer === '') !== (right.issuer === '')) return left.issuer === '' ? 1 : -1;
  return (
    collator.compare(left.issuer, right.issuer) || collator.compare(left.account, right.account) || (left.id < right.id ? -1 : 1)
  );
}
