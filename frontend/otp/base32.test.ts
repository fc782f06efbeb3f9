import { describe, expect, it } from 'vitest';
import { readVector } from '../test-support/vectors';
import { Base32Error, decodeBase32, normalizeBase32 } from './base32';

interface TotpVectors {
  cases: { secretAscii: string; secretBase32: string }[];
}

const ascii = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('base32', () => {
  it('decodes the RFC 6238 secrets to their ASCII keys', () => {
    for (const c of readVector<TotpVectors>('rfc6238-totp.json').cases) {
      expect(ascii(decodeBase32(c.secretBase32))).toBe(c.secretAscii);
    }
  });

  it('decodes the RFC 4648 test strings', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['MY======', 'f'],
      ['MZXQ====', 'fo'],
      ['MZXW6===', 'foo'],
      ['MZXW6YQ=', 'foob'],
      ['MZXW6YTB', 'fooba'],
      ['MZXW6YTBOI======', 'foobar'],
    ];
    for (const [encoded, plain] of cases) expect(ascii(decodeBase32(encoded))).toBe(plain);
  });

  it('tolerates spaces, lower case and padding', () => {
    expect(decodeBase32('mzxw 6ytb oi==')).toEqual(decodeBase32('MZXW6YTBOI'));
    expect(normalizeBase32(' jbsw y3dp ehpk 3pxp====')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('rejects characters outside the alphabet without naming them', () => {
    expect(() => decodeBase32('NOT-BASE32-1!')).toThrow(Base32Error);
    expect(() => decodeBase32('JBSWY3DP1')).toThrow('invalid base32 character');
  });
});
