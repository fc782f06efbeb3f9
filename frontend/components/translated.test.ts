import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { t, useLanguageForTests } from '../i18n/i18n';
import { withParts } from './translated';

describe('sentences with markup inside', () => {
  afterEach(() => useLanguageForTests('en'));

  it('puts the part where each language has its placeholder', () => {
    const link = html`<a href="codes">x</a>`;
    const english = withParts(t('passkeys.locked'), { link });
    expect(english[0]).toBe('Registering a passkey needs your vault unlocked in this tab: open ');
    expect(english[1]).toBe(link);
    expect(english[2]).toBe(', unlock, then come back here.');
    useLanguageForTests('de');
    const german = withParts(t('passkeys.locked'), { link });
    expect(german).toHaveLength(3);
    expect(german[1]).toBe(link);
    expect(german[0]).toMatch(/Öffnen Sie $/);
  });

  it('replaces every occurrence and leaves other text alone', () => {
    const part = html`<b></b>`;
    expect(withParts('{a} and {a} but {b}', { a: part })).toEqual([part, ' and ', part, ' but {b}']);
    expect(withParts('plain', {})).toEqual(['plain']);
  });
});
