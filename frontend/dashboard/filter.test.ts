import { describe, expect, it } from 'vitest';
import { filterCodes, hasLegacyView, readViewState, viewStateUrl } from './filter';
import type { CodeItem } from './vault-model';

const item = (id: string, issuer: string, account: string, tags: string[] = [], note = ''): CodeItem => ({
  id,
  issuer,
  account,
  tags,
  note,
  pinned: false,
  type: 'totp',
  haystack: [issuer, account, ...tags, note].join('\n').toLowerCase(),
});

const items = [
  item('1', 'GitHub', 'alice', ['work']),
  item('2', 'Google', 'alice@gmail.com', ['personal'], 'recovery codes in the safe'),
  item('3', 'GitLab', 'bob', ['work', 'ops']),
];

describe('dashboard filter', () => {
  it('matches every word of the query against issuer, account, tags and note, ignoring case', () => {
    expect(filterCodes(items, { q: 'git', tag: '' }).map((i) => i.id)).toEqual(['1', '3']);
    expect(filterCodes(items, { q: 'SAFE', tag: '' }).map((i) => i.id)).toEqual(['2']);
    expect(filterCodes(items, { q: 'ops', tag: '' }).map((i) => i.id)).toEqual(['3']);
    expect(filterCodes(items, { q: 'git bob', tag: '' }).map((i) => i.id)).toEqual(['3']);
  });

  it('keeps only codes with the chosen tag, combined with the query', () => {
    expect(filterCodes(items, { q: '', tag: 'work' }).map((i) => i.id)).toEqual(['1', '3']);
    expect(filterCodes(items, { q: 'hub', tag: 'work' }).map((i) => i.id)).toEqual(['1']);
    expect(filterCodes(items, { q: '', tag: 'wor' })).toEqual([]);
  });

  it('round-trips the view through the URL fragment and leaves empty values out', () => {
    const url = viewStateUrl('/codes', { q: 'git hub', tag: 'work & play' });
    expect(url).toBe('/codes#q=git+hub&tag=work+%26+play');
    expect(readViewState(url.slice('/codes'.length))).toEqual({ q: 'git hub', tag: 'work & play' });
    expect(viewStateUrl('/codes', { q: '', tag: '' })).toBe('/codes');
    expect(readViewState('')).toEqual({ q: '', tag: '' });
  });

  it('still reads an old bookmark whose view is in the query string', () => {
    expect(readViewState('?q=bank&tag=home')).toEqual({ q: 'bank', tag: 'home' });
    expect(hasLegacyView('?q=bank')).toBe(true);
    expect(hasLegacyView('?tag=')).toBe(true);
    expect(hasLegacyView('?continue')).toBe(false);
    expect(hasLegacyView('')).toBe(false);
  });
});
