import { describe, expect, it } from 'vitest';
import { bigIntToBytes, bytesToBigInt, mod, modPow } from './bigint';

describe('BigInt helpers', () => {
  it('reads and writes big-endian bytes, padding on the left', () => {
    expect(bytesToBigInt(new Uint8Array([0x01, 0x00]))).toBe(256n);
    expect(bytesToBigInt(new Uint8Array())).toBe(0n);
    expect(bigIntToBytes(256n, 4)).toEqual(new Uint8Array([0, 0, 1, 0]));
  });

  it('refuses a value that does not fit rather than cutting it', () => {
    expect(() => bigIntToBytes(65536n, 2)).toThrow(RangeError);
  });

  it('reduces negative values to the least non-negative residue', () => {
    expect(mod(-7n, 5n)).toBe(3n);
  });

  it('agrees with repeated multiplication on small numbers', () => {
    for (const [base, exponent, modulus] of [
      [4n, 13n, 497n],
      [5n, 0n, 7n],
      [0n, 5n, 7n],
      [123456789n, 1000n, 1000000007n],
    ] as const) {
      let expected = 1n;
      for (let i = 0n; i < exponent; i++) expected = (expected * base) % modulus;
      expect(modPow(base, exponent, modulus)).toBe(expected);
    }
  });

  it('satisfies Fermat’s little theorem for a large prime', () => {
    const p = 2n ** 521n - 1n; // a Mersenne prime
    expect(modPow(3n, p - 1n, p)).toBe(1n);
  });
});
