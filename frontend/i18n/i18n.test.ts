import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, catalogueKeys, resolveLanguage, t, useLanguageForTests } from './i18n';

describe('catalogues', () => {
  afterEach(() => useLanguageForTests('en'));

  it('every language has exactly the keys English has', () => {
    const english = catalogueKeys('en').sort();
    for (const language of LANGUAGES) expect(catalogueKeys(language).sort(), language).toEqual(english);
  });

  it('resolves the remembered choice first, then the browser languages, then English', () => {
    expect(resolveLanguage(['fr-FR', 'nl-BE'], 'de')).toBe('de');
    expect(resolveLanguage(['fr-FR', 'nl-BE'], undefined)).toBe('nl');
    expect(resolveLanguage(['DE-at'], undefined)).toBe('de');
    expect(resolveLanguage(['fr'], undefined)).toBe('en');
  });

  it('returns the key itself when no catalogue has it, so a gap is visible', () => {
    expect(t('common.noSuchKey')).toBe('common.noSuchKey');
    expect(t('common.appName')).toBe('Keyhole');
  });
});

describe('formats', () => {
  afterEach(() => useLanguageForTests('en'));

  it('formats numbers for the language', async () => {
    const { formatNumber } = await import('./i18n');
    useLanguageForTests('de');
    expect(formatNumber(1000)).toBe('1.000');
    useLanguageForTests('en');
    expect(formatNumber(1000)).toBe('1,000');
  });
});
