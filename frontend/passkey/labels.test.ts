import { describe, expect, it } from 'vitest';
import { defaultPasskeyName, passkeyTime } from './labels';

describe('passkey labels', () => {
  it('names a new passkey after the platform the browser reports', () => {
    expect(defaultPasskeyName('Linux x86_64')).toBe('Passkey on Linux');
    expect(defaultPasskeyName('macOS')).toBe('Passkey on macOS');
    expect(defaultPasskeyName('MacIntel')).toBe('Passkey on macOS');
    expect(defaultPasskeyName('Win32')).toBe('Passkey on Windows');
    expect(defaultPasskeyName('Android')).toBe('Passkey on Android');
    expect(defaultPasskeyName('iPhone')).toBe('Passkey on iOS');
    expect(defaultPasskeyName(undefined)).toBe('Passkey');
  });

  it('shows epoch microseconds as a date, and a passkey never used as never', () => {
    const micros = Date.UTC(2026, 10, 23, 12, 0) * 1000;
    expect(passkeyTime(micros, 'en-GB')).toContain('2026');
    expect(passkeyTime(null)).toBe('never');
  });
});
