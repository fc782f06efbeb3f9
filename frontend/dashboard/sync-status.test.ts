import { describe, expect, it } from 'vitest';
import { offlineText, syncedAgo } from './sync-status';

describe('sync status', () => {
  it('says how long ago the last poll reached the server, in the largest whole unit', () => {
    expect(syncedAgo(10_000, 18_900)).toBe('Synced 8 s ago');
    expect(syncedAgo(10_000, 9_000)).toBe('Synced 0 s ago');
    expect(syncedAgo(0, 125_000)).toBe('Synced 2 min ago');
    expect(syncedAgo(0, 2 * 3_600_000 + 5)).toBe('Synced 2 h ago');
  });

  it('names when the failures began', () => {
    expect(offlineText(Date.UTC(2026, 0, 1, 12, 3))).toMatch(/^Cannot reach the server since .+\. The codes shown/);
  });
});
