// Reads an otpauth URI (an entity plaintext or an import line) the way the shared test vectors
// (otpauth-uris.json) pin down, taking from Ente's apps what they get right and leaving what they get wrong
// (docs/protocol.md §5): labels keep their case, '-' does not split an issuer, HOTP keeps its
// digits. Parsed by hand because the WHATWG URL parser puts "totp" in the host in some engines and
// treats the raw '#' and ' ' that Ente's mobile app writes into labels as URL syntax (see uri-syntax.ts).
//
// Never throws: a URI that cannot be used still yields an entry, with `error` set, so that the user sees
// the code is there and broken instead of it silently missing.
import { Base32Error, decodeBase32, normalizeBase32 } from './base32';
import { parseCodeDisplay, type CodeDisplay } from './code-display';
import { decodePercent, parseQuery, splitOtpauth } from './uri-syntax';

export type OtpType = 'totp' | 'hotp' | 'steam';
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpEntry {
  type: OtpType;
  issuer: string;
  account: string;
  /** Normalised base32: no spaces, upper case, no padding. */
  secret: string;
  algorithm: Algorithm;
  digits: number;
  /** Seconds; meaningful for TOTP and Steam. */
  period: number;
  /** Meaningful for HOTP only. */
  counter: number;
  display: CodeDisplay;
  /** The URI as given, for a "copy raw data" action on broken entries. */
  uri: string;
  /** Why no code can be generated; the entry is still listed. */
  error?: string;
}

const SCHEME = 'otpauth://';
const STEAM_DIGITS = 5;
const STEAM_PERIOD = 30;
export const MIN_DIGITS = 4;
export const MAX_DIGITS = 10;

export function parseOtpauth(uri: string): OtpEntry {
  const entry = parseOnce(uri, uri);
  // Mobile writes labels unencoded, so a '#' in an account name cuts the query off as a fragment.
  // Like both Ente clients, read such a URI again with the '#' taken literally.
  if (entry.error !== undefined && uri.includes('#')) return parseOnce(uri.replaceAll('#', '%23'), uri);
  return entry;
}

function parseOnce(text: string, original: string): OtpEntry {
  const hash = text.indexOf('#');
  const uri = hash < 0 ? text : text.slice(0, hash);
  const entry: OtpEntry = {
    type: 'totp',
    issuer: '',
    account: '',
    secret: '',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    display: parseCodeDisplay(undefined),
    uri: original,
  };
  if (uri.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return { ...entry, error: 'not an otpauth URI' };

  const { type, label, query } = splitOtpauth(uri.slice(SCHEME.length));
  const params = parseQuery(query);
  readLabelAndIssuer(entry, decodePercent(label), params.get('issuer'));
  entry.secret = normalizeBase32(params.get('secret') ?? '');
  entry.algorithm = parseAlgorithm(params.get('algorithm'));
  entry.digits = positiveInt(params.get('digits')) ?? 6;
  entry.period = positiveInt(params.get('period')) ?? 30;
  entry.counter = positiveInt(params.get('counter')) ?? 0;
  entry.display = parseCodeDisplay(params.get('codeDisplay'));

  // Steam Guard is recognised by type or, as mobile does, by an issuer named Steam (issue #5325).
  if (type === 'steam' || (type === 'totp' && entry.issuer.toLowerCase() === 'steam')) {
    entry.type = 'steam';
    entry.algorithm = 'SHA1';
    entry.digits = STEAM_DIGITS;
    entry.period = STEAM_PERIOD;
  } else if (type === 'totp' || type === 'hotp') {
    entry.type = type;
  } else {
    return { ...entry, error: 'unknown OTP type' };
  }
  const error = secretError(entry.secret) ?? digitsError(entry.digits);
  return error === undefined ? entry : { ...entry, error };
}

function readLabelAndIssuer(entry: OtpEntry, label: string, issuerParam: string | undefined): void {
  const issuer = issuerParam === undefined ? '' : withoutPeriodPollution(issuerParam);
  // An issuer that itself holds ':' (mobile's special case) still splits its own label correctly.
  const prefixed = issuer !== '' && label.startsWith(issuer + ':');
  const colon = prefixed ? issuer.length : label.indexOf(':');
  entry.account = (colon < 0 ? label : label.slice(colon + 1)).trim();
  entry.issuer = issuer !== '' ? issuer : colon < 0 ? '' : label.slice(0, colon).trim();
}

// An old Ente bug appended "period=…" to the issuer (ente PR #77); both clients cut it off.
function withoutPeriodPollution(issuer: string): string {
  const cut = issuer.indexOf('period=');
  return (cut < 0 ? issuer : issuer.slice(0, cut)).replace(/&+$/, '').trim();
}

// Mobile once wrote the Dart enum name ("Algorithm.sha256"), and some issuers write "SHA-256" (read as
// meant, where Ente falls back to SHA1 and shows wrong codes); anything unknown means SHA1, the default.
function parseAlgorithm(value: string | undefined): Algorithm {
  const name = (value ?? '')
    .trim()
    .toLowerCase()
    .replace(/^algorithm\./, '')
    .replace(/[-_]/g, '');
  return name === 'sha256' ? 'SHA256' : name === 'sha512' ? 'SHA512' : 'SHA1';
}

/** parseInt semantics like Ente's web client: junk, 0 and negatives mean "use the default". */
function positiveInt(value: string | undefined): number | undefined {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function secretError(secret: string): string | undefined {
  if (secret === '') return 'missing secret';
  try {
    decodeBase32(secret);
    return undefined;
  } catch (error) {
    if (error instanceof Base32Error) return 'invalid secret';
    throw error;
  }
}

function digitsError(digits: number): string | undefined {
  return digits < MIN_DIGITS || digits > MAX_DIGITS ? 'unsupported number of digits' : undefined;
}
