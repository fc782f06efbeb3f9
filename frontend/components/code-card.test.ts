import { describe, expect, it } from 'vitest';
import { codesAt } from '../otp/engine';
import { parseOtpauth } from '../otp/otpauth';
import { cachedCodesAt, prepareNextStep } from './code-card';

describe('codes kept per time step', () => {
  const uris = [
    'otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/B:b?secret=GEZDGNBVGY3TQOJQ&algorithm=SHA512&digits=8&period=60',
    'otpauth://steam/Steam:s?secret=JBSWY3DPEHPK3PXP',
    'otpauth://hotp/H:h?secret=JBSWY3DPEHPK3PXP&counter=7&digits=7',
  ];

  it('agree with the engine second by second, across period boundaries', () => {
    const entries = uris.map(parseOtpauth);
    const start = 1_700_000_000_000;
    for (let t = start; t < start + 130_000; t += 997) {
      prepareNextStep(entries, t);
      for (const entry of entries) expect(cachedCodesAt(entry, t)).toEqual(codesAt(entry, t));
    }
  });
});
