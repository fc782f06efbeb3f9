import { describe, expect, it } from 'vitest';
import { readVector } from '../test-support/vectors';
import { decodeBase32 } from './base32';
import { codesAt, hotp, steam, totp } from './engine';
import { parseOtpauth, type Algorithm } from './otpauth';

interface HotpVectors {
  secretBase32: string;
  algorithm: Algorithm;
  digits: number;
  cases: { counter: number; code: string }[];
}
interface TotpVectors {
  cases: { unixTime: number; algorithm: Algorithm; secretBase32: string; digits: number; period: number; code: string }[];
}
interface SteamVectors {
  cases: { secretBase32: string; unixTime: number; code: string }[];
}

const rfc4226 = readVector<HotpVectors>('rfc4226-hotp.json');
const rfc6238 = readVector<TotpVectors>('rfc6238-totp.json');
const steamVectors = readVector<SteamVectors>('steam.json');

describe('OTP engine', () => {
  it.each(rfc4226.cases)('gives HOTP $code at counter $counter (RFC 4226)', ({ counter, code }) => {
    expect(hotp(decodeBase32(rfc4226.secretBase32), counter, rfc4226.digits, rfc4226.algorithm)).toBe(code);
  });

  it.each(rfc6238.cases)('gives TOTP $code with $algorithm at $unixTime (RFC 6238)', (c) => {
    expect(totp(decodeBase32(c.secretBase32), c.unixTime * 1000, c.period, c.digits, c.algorithm)).toBe(c.code);
  });

  it.each(steamVectors.cases)('gives Steam code $code at $unixTime', (c) => {
    expect(steam(decodeBase32(c.secretBase32), c.unixTime * 1000)).toBe(c.code);
  });

  it('gives the last 4 to 10 digits of the same truncated value', () => {
    const key = decodeBase32(rfc4226.secretBase32);
    const ten = hotp(key, 0, 10);
    expect(ten).toHaveLength(10);
    for (let digits = 4; digits <= 10; digits++) expect(hotp(key, 0, digits)).toBe(ten.slice(10 - digits));
  });

  it('handles counters beyond 32 bits', () => {
    const key = decodeBase32(rfc4226.secretBase32);
    expect(hotp(key, 2 ** 32 + 1)).not.toBe(hotp(key, 1));
    expect(() => hotp(key, -1)).toThrow(RangeError);
  });

  it('gives the current and the next TOTP code with the time left in the period', () => {
    const c = rfc6238.cases.find((x) => x.unixTime === 59 && x.algorithm === 'SHA1')!;
    const entry = parseOtpauth(`otpauth://totp/A:b?secret=${c.secretBase32}&digits=8&period=30`);
    const codes = codesAt(entry, 59_000);
    expect(codes.current).toBe(c.code);
    expect(codes.next).toBe(totp(decodeBase32(c.secretBase32), 60_000, 30, 8));
    expect(codes.secondsRemaining).toBe(1);
    expect(codes.progress).toBeCloseTo(29 / 30);
  });

  it('counts a whole period left at its very start and a part of a second as a second', () => {
    const entry = parseOtpauth('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=60');
    expect(codesAt(entry, 120_000)).toMatchObject({ secondsRemaining: 60, progress: 0 });
    expect(codesAt(entry, 120_001).secondsRemaining).toBe(60);
    expect(codesAt(entry, 179_001).secondsRemaining).toBe(1);
  });

  it('shows an HOTP code at its counter and the next, and never advances the counter', () => {
    const entry = parseOtpauth(`otpauth://hotp/A:b?secret=${rfc4226.secretBase32}&counter=4`);
    const codes = codesAt(entry, Date.now());
    expect(codes).toEqual({ current: rfc4226.cases[4]!.code, next: rfc4226.cases[5]!.code, secondsRemaining: null, progress: 0 });
    expect(codesAt(entry, Date.now() + 3_600_000)).toEqual(codes);
    expect(entry.counter).toBe(4);
  });

  it('shows an HOTP code with its own number of digits', () => {
    const entry = parseOtpauth(`otpauth://hotp/A:b?secret=${rfc4226.secretBase32}&counter=0&digits=8`);
    expect(codesAt(entry, 0).current).toBe(hotp(decodeBase32(rfc4226.secretBase32), 0, 8));
  });

  it('gives Steam codes for an entry with issuer Steam', () => {
    const c = steamVectors.cases[0]!;
    const entry = parseOtpauth(`otpauth://totp/Steam:alice?secret=${c.secretBase32}&issuer=Steam`);
    expect(codesAt(entry, c.unixTime * 1000).current).toBe(c.code);
  });

  it('refuses to give codes for an unreadable entry', () => {
    const entry = parseOtpauth('otpauth://totp/Bad:alice?secret=NOT-BASE32-1!&issuer=Bad');
    expect(() => codesAt(entry, 0)).toThrow('invalid secret');
  });
});
