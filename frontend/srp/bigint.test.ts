import { describe, expect, it } from 'vitest';
import { bigIntToBytes, bytesToBigInt, FixedBase, mod, modPow } from './bigint';

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

  it('agrees with modPow for a fixed base, below and above the exponents its table covers', () => {
    const p = 2n ** 521n - 1n;
    const powers = new FixedBase(5n, p, 64);
    for (const exponent of [0n, 1n, 15n, 16n, 0xdeadbeefn, 2n ** 64n - 1n, 2n ** 64n, 3n ** 90n]) {
      expect(powers.pow(exponent)).toBe(modPow(5n, exponent, p));
    }
    expect(() => powers.pow(-1n)).toThrow(RangeError);
  });
});
