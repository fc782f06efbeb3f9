// HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard codes. Synchronous on purpose: WebCrypto has HMAC
// only behind a promise (and libsodium has no HMAC-SHA1), while @noble/hashes computes it in place, so a
// dashboard of a thousand codes can re-render on a timer tick without a promise per code.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { decodeBase32 } from './base32';
import type { Algorithm, OtpEntry } from './otpauth';

const HASHES = { SHA1: sha1, SHA256: sha256, SHA512: sha512 } as const;
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_LENGTH = 5;

export interface Codes {
  current: string;
  next: string;
  /** Whole seconds until `current` expires (1…period); null for HOTP, which does not expire. */
  secondsRemaining: number | null;
  /** Elapsed fraction of the current period in [0, 1); 0 for HOTP (a full, static bar). */
  progress: number;
}

export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: Algorithm = 'SHA1'): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > 10) throw new RangeError('digits must be 1 to 10');
  return String(truncate(mac(key, counter, algorithm)) % 10 ** digits).padStart(digits, '0');
}

export function totp(key: Uint8Array, epochMillis: number, period = 30, digits = 6, algorithm: Algorithm = 'SHA1'): string {
  return hotp(key, timeStep(epochMillis, period), digits, algorithm);
}

/** Steam Guard: TOTP-SHA1 over 30 s, the 31-bit value written as 5 letters of Steam's alphabet. */
export function steam(key: Uint8Array, epochMillis: number): string {
  return steamAt(key, timeStep(epochMillis, 30));
}

/**
 * The codes an entry shows at an instant (pass the clock-corrected time). HOTP shows its stored counter
 * and the one after; the viewer is read-only, so it never advances the counter.
 */
export function codesAt(entry: OtpEntry, epochMillis: number): Codes {
  if (entry.error !== undefined) throw new Error(`no code: ${entry.error}`);
  const key = decodeBase32(entry.secret);
  const { algorithm, digits, period } = entry;
  if (entry.type === 'hotp') {
    return {
      current: hotp(key, entry.counter, digits, algorithm),
      next: hotp(key, entry.counter + 1, digits, algorithm),
      secondsRemaining: null,
      progress: 0,
    };
  }
  const step = timeStep(epochMillis, period);
  const generate = (at: number): string => (entry.type === 'steam' ? steamAt(key, at) : hotp(key, at, digits, algorithm));
  const periodMillis = period * 1000;
  const remainingMillis = (step + 1) * periodMillis - epochMillis;
  return {
    current: generate(step),
    next: generate(step + 1),
    secondsRemaining: Math.ceil(remainingMillis / 1000),
    progress: 1 - remainingMillis / periodMillis,
  };
}

function timeStep(epochMillis: number, period: number): number {
  if (!Number.isInteger(period) || period <= 0) throw new RangeError('period must be a positive whole number of seconds');
  return Math.floor(epochMillis / (period * 1000));
}

function steamAt(key: Uint8Array, step: number): string {
  let value = truncate(mac(key, step, 'SHA1'));
  let code = '';
  for (let i = 0; i < STEAM_LENGTH; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

/** HMAC over the counter as 8 big-endian bytes (RFC 4226 §5.2). */
function mac(key: Uint8Array, counter: number, algorithm: Algorithm): Uint8Array {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('counter must be a non-negative integer');
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  return hmac(HASHES[algorithm], key, message);
}

/** Dynamic truncation (RFC 4226 §5.3): 31 bits from the offset named by the last nibble. */
function truncate(digest: Uint8Array): number {
  const offset = digest[digest.length - 1]! & 0x0f;
  return new DataView(digest.buffer, digest.byteOffset + offset, 4).getUint32(0) & 0x7fffffff;
}
