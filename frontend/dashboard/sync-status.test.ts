import { afterEach, describe, expect, it } from 'vitest';
import { useLanguageForTests } from '../i18n/i18n';
import { countText, offlineText, syncedAgo } from './sync-status';

describe('sync status', () => {
  afterEach(() => useLanguageForTests('en'));

  it('says how long ago the last poll reached the server, in the largest whole unit', () => {
    expect(syncedAgo(10_000, 18_900)).toBe('Synced 8 s ago');
    expect(syncedAgo(10_000, 9_000)).toBe('Synced 0 s ago');
    expect(syncedAgo(0, 125_000)).toBe('Synced 2 min ago');
    expect(syncedAgo(0, 2 * 3_600_000 + 5)).toBe('Synced 2 h ago');
  });

  it('says it in German and Dutch', () => {
    useLanguageForTests('de');
    expect(syncedAgo(10_000, 18_900)).toBe('Vor 8 s synchronisiert');
    expect(syncedAgo(0, 61_000)).toBe('Vor 1 Min. synchronisiert');
    expect(syncedAgo(0, 3 * 3_600_000)).toBe('Vor 3 Std. synchronisiert');
    useLanguageForTests('nl');
    expect(syncedAgo(10_000, 18_900)).toBe('8 s geleden gesynchroniseerd');
    expect(syncedAgo(0, 125_000)).toBe('2 min geleden gesynchroniseerd');
    expect(syncedAgo(0, 3_600_000)).toBe('1 uur geleden gesynchroniseerd');
  });

  it('names when the failures began, as the language writes a time', () => {
    const since = Date.UTC(2026, 0, 1, 12, 3);
    expect(offlineText(since)).toMatch(/^Cannot reach the server since .+\. The codes shown/);
    useLanguageForTests('de');
    const german = new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit' }).format(since);
    expect(offlineText(since)).toBe(
      `Der Server ist seit ${german} nicht erreichbar. Die angezeigten Codes stimmen weiterhin; anderswo vorgenommene Änderungen erscheinen, sobald er wieder da ist.`,
    );
    useLanguageForTests('nl');
    expect(offlineText(since)).toMatch(/^De server is sinds \d\d:\d\d niet bereikbaar\./);
  });
});

describe('code count', () => {
  afterEach(() => useLanguageForTests('en'));

  it('counts codes with the plural the number needs, and the shown part of a filtered list', () => {
    expect(countText(1, 1)).toBe('1 code');
    expect(countText(40, 40)).toBe('40 codes');
    expect(countText(0, 0)).toBe('0 codes');
    expect(countText(3, 40)).toBe('3 of 40');
    useLanguageForTests('de');
    expect(countText(1, 1)).toBe('1 Code');
    expect(countText(40, 40)).toBe('40 Codes');
    expect(countText(3, 40)).toBe('3 von 40');
    useLanguageForTests('nl');
    expect(countText(1, 1)).toBe('1 code');
    expect(countText(2, 2)).toBe('2 codes');
    expect(countText(1, 12)).toBe('1 van 12');
  });

  it('writes large counts with the language’s digit grouping', () => {
    expect(countText(1500, 1500)).toBe('1,500 codes');
    useLanguageForTests('de');
    expect(countText(1500, 1500)).toBe('1.500 Codes');
    expect(countText(999, 12_000)).toBe('999 von 12.000');
    useLanguageForTests('nl');
    expect(countText(1500, 1500)).toBe('1.500 codes');
  });
});
