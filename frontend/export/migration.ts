// Google Authenticator's "Transfer accounts" QR codes: otpauth-migration://offline?data=<base64 of a
// MigrationPayload protobuf>, cut into batches of BATCH_SIZE accounts that share a batch_id and say which
// of how many they are, so that an app scanning them knows when it has all. Google's format has no period
// and only 6 or 8 digits: codes it cannot hold (Steam, 30 s is not their period, other digit counts,
// unreadable ones) are left out and listed, never changed into something that would give wrong codes.
import { decodeBase32 } from '../otp/base32';
import type { OtpEntry } from '../otp/otpauth';
import { ProtoWriter } from './protobuf';

/** Accounts per QR code, as Google's app exports them (and Aegis's Google-compatible export). */
export const BATCH_SIZE = 10;

const GOOGLE_PERIOD = 30;
const ALGORITHMS = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
const DIGITS: Readonly<Record<number, number>> = { 6: 1, 8: 2 };
const TYPES = { hotp: 1, totp: 2 } as const;
const VERSION = 1;

export interface MigrationExport {
  /** One otpauth-migration URI per QR code, in batch order. */
  uris: string[];
  /** What Google's format cannot hold, as given. */
  leftOut: OtpEntry[];
}

/** Whether Google's format holds this code exactly: otherwise a scanned copy would show wrong codes. */
export function fitsMigration(entry: OtpEntry): boolean {
  if (entry.error !== undefined || entry.type === 'steam') return false;
  if (DIGITS[entry.digits] === undefined) return false;
  return entry.type === 'hotp' || entry.period === GOOGLE_PERIOD;
}

/** `batchId`: any number the batches of one export share (Google's app picks one at random). */
export function migrationExport(entries: readonly OtpEntry[], batchId: number): MigrationExport {
  const fitting = entries.filter(fitsMigration);
  const batches = Math.max(1, Math.ceil(fitting.length / BATCH_SIZE));
  const uris: string[] = [];
  for (let index = 0; index < batches && fitting.length > 0; index++) {
    const payload = new ProtoWriter();
    for (const entry of fitting.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE)) payload.message(1, otpParameters(entry));
    payload.varint(2, VERSION).varint(3, batches).varint(4, index).varint(5, batchId);
    uris.push(`otpauth-migration://offline?data=${encodeURIComponent(base64(payload.finish()))}`);
  }
  return { uris, leftOut: entries.filter((entry) => !fitsMigration(entry)) };
}

function otpParameters(entry: OtpEntry): ProtoWriter {
  const parameters = new ProtoWriter()
    .bytes(1, decodeBase32(entry.secret))
    .string(2, entry.account)
    .string(3, entry.issuer)
    .varint(4, ALGORITHMS[entry.algorithm])
    .varint(5, DIGITS[entry.digits]!)
    .varint(6, TYPES[entry.type as keyof typeof TYPES]);
  if (entry.type === 'hotp') parameters.varint(7, entry.counter);
  return parameters;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
