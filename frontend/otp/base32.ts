// RFC 4648 base32, read the way authenticator apps read secrets: spaces anywhere, any case and
// trailing '=' padding are tolerated; any other character is an error. Leftover bits past the last
// whole byte are ignored, as Google Authenticator and the otpauth library do.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class Base32Error extends Error {
  override name = 'Base32Error';
}

/** The canonical form of a secret: no whitespace, upper case, no padding. */
export function normalizeBase32(secret: string): string {
  return secret.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '');
}

export function decodeBase32(secret: string): Uint8Array {
  const text = normalizeBase32(secret);
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    // The message names no character: it is part of a secret.
    if (value < 0) throw new Base32Error('invalid base32 character');
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
