import { describe, expect, it } from 'vitest';
import { readVector } from '../test-support/vectors';
import { parseOtpauth, type OtpEntry } from './otpauth';

interface UriCase {
  uri: string;
  expect: Record<string, unknown>;
}

const DISPLAY_FIELDS = new Set(['pinned', 'trashed', 'tags', 'note']);

/** The vectors list display fields at the top level; the entry keeps them under `display`. */
function field(entry: OtpEntry, name: string): unknown {
  return DISPLAY_FIELDS.has(name) ? entry.display[name as keyof OtpEntry['display']] : entry[name as keyof OtpEntry];
}

describe('otpauth URIs of the shared vectors', () => {
  const cases = readVector<{ cases: UriCase[] }>('otpauth-uris.json').cases;

  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('reads $uri', ({ uri, expect: expected }) => {
    const entry = parseOtpauth(uri);
    for (const [name, value] of Object.entries(expected)) {
      expect(field(entry, name), name).toEqual(value);
    }
    if (!('error' in expected)) expect(entry.error, 'error').toBeUndefined();
  });
});

describe('otpauth parsing beyond the vectors', () => {
  it.each([
    ['SHA-256', 'SHA256'],
    ['sha_512', 'SHA512'],
    ['SHA-1', 'SHA1'],
    ['MD5', 'SHA1'],
  ])('reads algorithm=%s as %s', (name, algorithm) => {
    expect(parseOtpauth(`otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=${name}`).algorithm).toBe(algorithm);
  });

  it('keeps an unreadable entry listed with its URI, for a "copy raw data" action', () => {
    const uri = 'otpauth://totp/Bad:alice?secret=NOT-BASE32-1!&issuer=Bad';
    expect(parseOtpauth(uri)).toMatchObject({ issuer: 'Bad', account: 'alice', uri, error: 'invalid secret' });
  });

  it('marks an entry without a secret as an error', () => {
    expect(parseOtpauth('otpauth://totp/Acme:bob?issuer=Acme').error).toBe('missing secret');
  });

  it('marks a URI of another scheme or an unknown type as an error instead of dropping it', () => {
    expect(parseOtpauth('https://example.com/?secret=JBSWY3DPEHPK3PXP').error).toBe('not an otpauth URI');
    expect(parseOtpauth('otpauth://yubikey/Acme:bob?secret=JBSWY3DPEHPK3PXP').error).toBe('unknown OTP type');
  });

  it('reads the scheme and the type in any case', () => {
    expect(parseOtpauth('OTPAUTH://TOTP/Acme:bob?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      type: 'totp',
      issuer: 'Acme',
      account: 'bob',
    });
  });

  it('does not split an issuer on "-", unlike Ente web', () => {
    expect(parseOtpauth('otpauth://totp/foo-bar?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: '', account: 'foo-bar' });
  });

  it('keeps the digits of an HOTP code, unlike Ente web', () => {
    expect(parseOtpauth('otpauth://hotp/Acme:bob?secret=JBSWY3DPEHPK3PXP&counter=3&digits=8').digits).toBe(8);
  });

  it('takes the account after the first colon when the issuer comes from the label', () => {
    expect(parseOtpauth('otpauth://totp/Acme:bob:admin?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      issuer: 'Acme',
      account: 'bob:admin',
    });
  });

  it('takes the account after an issuer parameter that itself holds a colon', () => {
    expect(parseOtpauth('otpauth://totp/A:B:alice?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB')).toMatchObject({
      issuer: 'A:B',
      account: 'alice',
    });
  });

  it('reads an encoded colon in the label as the separator', () => {
    expect(parseOtpauth('otpauth://totp/Acme%3Abob?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: 'Acme', account: 'bob' });
  });

  it('trims the optional space after the colon of a label', () => {
    expect(parseOtpauth('otpauth://totp/Acme:%20bob?secret=JBSWY3DPEHPK3PXP').account).toBe('bob');
  });

  it('strips "period=" that an old Ente bug appended to the issuer', () => {
    expect(parseOtpauth('otpauth://totp/P:a?secret=JBSWY3DPEHPK3PXP&issuer=Polluted%26period%3D30').issuer).toBe('Polluted');
    expect(parseOtpauth('otpauth://totp/P:a?secret=JBSWY3DPEHPK3PXP&issuer=Pollutedperiod=30').issuer).toBe('Polluted');
  });

  it('keeps a "+" in the label and a literal "%" that starts no escape', () => {
    expect(parseOtpauth('otpauth://totp/Acme:a+b%zz?secret=JBSWY3DPEHPK3PXP').account).toBe('a+b%zz');
  });

  it('does not read a hotp code with issuer Steam as Steam', () => {
    expect(parseOtpauth('otpauth://hotp/Steam:a?secret=JBSWY3DPEHPK3PXP&issuer=Steam').type).toBe('hotp');
  });

  it('detects Steam from an issuer taken from the label', () => {
    expect(parseOtpauth('otpauth://totp/steam:alice?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      type: 'steam',
      digits: 5,
      period: 30,
    });
  });

  it('reads a counter and falls back to 0 for junk', () => {
    expect(parseOtpauth('otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP&counter=7').counter).toBe(7);
    expect(parseOtpauth('otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP&counter=x').counter).toBe(0);
  });

  it('marks more than 10 digits as unsupported', () => {
    expect(parseOtpauth('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=12').error).toBe('unsupported number of digits');
  });

  it('reads every codeDisplay field Ente writes, ignoring fields of the wrong type', () => {
    const display = {
      pinned: true,
      trashed: true,
      tags: ['a', 7, 'b'],
      note: 'n',
      position: 3,
      iconSrc: 'simpleIcon',
      iconID: 'github',
      tapCount: 'x',
    };
    const entry = parseOtpauth(
      `otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&codeDisplay=${encodeURIComponent(JSON.stringify(display))}`,
    );
    expect(entry.display).toEqual({
      pinned: true,
      trashed: true,
      tags: ['a', 'b'],
      note: 'n',
      position: 3,
      iconSrc: 'simpleIcon',
      iconID: 'github',
    });
  });

  it('reads a codeDisplay whose commas were left encoded twice', () => {
    const entry = parseOtpauth(
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%22pinned%22%3Atrue%252C%22tags%22%3A%5B%5D%7D',
    );
    expect(entry.display.pinned).toBe(true);
  });

  it('reads the Ente export vector line by line', () => {
    const { plaintext } = readVector<{ plaintext: string }>('ente-export-v1.json');
    const entries = plaintext.trim().split('\n').map(parseOtpauth);
    expect(entries.map((e) => [e.type, e.issuer, e.account, e.error])).toEqual([
      ['totp', 'GitHub', 'alice@example.com', undefined],
      ['totp', 'Example Bank', 'alice', undefined],
      ['hotp', 'Legacy', 'bob', undefined],
      ['steam', 'Steam', 'alice', undefined],
      ['totp', 'Work', 'alice@corp.example', undefined],
      ['totp', 'Old', 'gone', undefined],
    ]);
    expect(entries[4]?.display).toMatchObject({ pinned: true, tags: ['work'], note: 'VPN' });
    expect(entries[5]?.display.trashed).toBe(true);
  });
});
