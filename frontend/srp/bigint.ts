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
