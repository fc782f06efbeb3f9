// Big-endian byte strings ↔ BigInt, and modular exponentiation. SRP needs nothing more, and native
// BigInt keeps the 4096-bit arithmetic fast without a big-number library.

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt('0x' + hex);
}

/** Left-padded with zeros to `length` bytes; a value that does not fit is a bug, not data to cut. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('negative value');
  const hex = value.toString(16);
  if (hex.length > length * 2) throw new RangeError('value does not fit');
  const padded = hex.padStart(length * 2, '0');
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The least non-negative residue: BigInt's % keeps the sign of the dividend. */
export function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/**
 * base^exponent mod modulus by left-to-right square-and-multiply with a 4-bit window: a 4096-bit
 * modulus and a 512-bit exponent take some 512 squarings and 128 multiplications.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new RangeError('negative exponent');
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  const table = [1n];
  for (let i = 1; i < 16; i++) table.push((table[i - 1]! * b) % modulus);
  const hex = exponent.toString(16);
  let result = 1n;
  for (const digit of hex) {
    for (let i = 0; i < 4; i++) result = (result * result) % modulus;
    const d = Number.parseInt(digit, 16);
    if (d !== 0) result = (result * table[d]!) % modulus;
  }
  return result;
}

/**
 * base^exponent mod modulus for one base and many exponents below 2^bits: the table of
 * base^(d·16^i) (bits/4 rows of 15) is built once, after which a power costs at most bits/4
 * multiplications and no squaring. A larger exponent falls back to modPow.
 */
export class FixedBase {
  private readonly rows: bigint[][] = [];

  constructor(
    private readonly base: bigint,
    private readonly modulus: bigint,
    bits: number,
  ) {
    let power = mod(base, modulus); // base^(16^i)
    for (let i = 0; i < Math.ceil(bits / 4); i++) {
      const row = [1n, power];
      for (let d = 2; d < 16; d++) row.push((row[d - 1]! * power) % modulus);
      this.rows.push(row);
      power = (row[15]! * power) % modulus;
    }
  }

  pow(exponent: bigint): bigint {
    if (exponent < 0n) throw new RangeError('negative exponent');
    if (exponent >> BigInt(this.rows.length * 4) !== 0n) return modPow(this.base, exponent, this.modulus);
    let result = 1n % this.modulus;
    let rest = exponent;
    for (let i = 0; rest > 0n; i++, rest >>= 4n) {
      const digit = Number(rest & 15n);
      if (digit !== 0) result = (result * this.rows[i]![digit]!) % this.modulus;
    }
    return result;
  }
}
