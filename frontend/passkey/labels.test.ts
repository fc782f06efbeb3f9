import { afterEach, describe, expect, it } from 'vitest';
import { useLanguageForTests } from '../i18n/i18n';
import { defaultPasskeyName, passkeyTime } from './labels';

describe('passkey labels', () => {
  afterEach(() => useLanguageForTests('en'));

  it('names a new passkey after the platform the browser reports', () => {
    expect(defaultPasskeyName('Linux x86_64')).toBe('Passkey on Linux');
    expect(defaultPasskeyName('macOS')).toBe('Passkey on macOS');
    expect(defaultPasskeyName('MacIntel')).toBe('Passkey on macOS');
    expect(defaultPasskeyName('Win32')).toBe('Passkey on Windows');
    expect(defaultPasskeyName('Android')).toBe('Passkey on Android');
    expect(defaultPasskeyName('iPhone')).toBe('Passkey on iOS');
    expect(defaultPasskeyName(undefined)).toBe('Passkey');
  });

  it('names it in German and Dutch', () => {
    useLanguageForTests('de');
    expect(defaultPasskeyName('Win32')).toBe('Passkey auf Windows');
    useLanguageForTests('nl');
    expect(defaultPasskeyName('Linux x86_64')).toBe('Passkey op Linux');
    expect(defaultPasskeyName(undefined)).toBe('Passkey');
  });

  it('shows epoch microseconds as a date in the language, and a passkey never used as never', () => {
    const micros = Date.UTC(2026, 10, 23, 12, 0) * 1000;
    expect(passkeyTime(micros)).toMatch(/^Nov 23, 2026, \d{1,2}:\d\d\s?[AP]M$/);
    expect(passkeyTime(null)).toBe('never');
    useLanguageForTests('de');
    expect(passkeyTime(micros)).toMatch(/^23\.11\.2026, \d\d:\d\d$/);
    expect(passkeyTime(null)).toBe('nie');
    useLanguageForTests('nl');
    expect(passkeyTime(micros)).toMatch(/^23 nov 2026, \d\d:\d\d$/);
    expect(passkeyTime(null)).toBe('nooit');
  });
});
