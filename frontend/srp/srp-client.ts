// SRP-6a client exactly as Ente's web client runs it (fast-srp-hap with hap = false; docs/
// protocol.md §3), so that Ente's server and Keyhole's accept the same proofs:
//   k = H(N | PAD(g))            x = H(s | H(I | ":" | P))      v = g^x
//   A = g^a                      u = H(PAD(A) | PAD(B))
//   S = (B − k·v)^(a + u·x)      M1 = H(A | B | S)   K = H(S)   M2 = H(A | M1 | K)
// with every group element as 512 big-endian bytes, H = SHA-256, I = UTF-8 of the srpUserID and
// P = the 16-byte login key. Standalone: bytes in, bytes out; callers do the base64.
import { sha256 } from '@noble/hashes/sha2.js';
import { bigIntToBytes, bytesToBigInt, FixedBase, mod, modPow } from './bigint';
import { g, N, N_BYTES } from './group';

/** The exchange cannot go on: a malicious or broken server, or a wrong password (at M2). */
export class SrpError extends Error {
  override name = 'SrpError';
}

export interface SrpClient {
  /** A = g^a mod N, 512 bytes: sent to /users/srp/create-session. */
  publicA(): Uint8Array;
  /** The client proof for the server's B, 32 bytes: sent to /users/srp/verify-session. */
  computeM1(serverB: Uint8Array): Uint8Array;
  /** Checks the server's proof; throws SrpError unless it matches. Only meaningful after computeM1. */
  verifyM2(serverM2: Uint8Array): void;
}

export interface SrpCredentials {
  salt: Uint8Array;
  /** The account's srpUserID (a UUID string), used as its UTF-8 bytes. */
  identity: string;
  loginKey: Uint8Array;
}

const CLIENT_SECRET_BYTES = 64;
/** x is a SHA-256 output. */
const X_BITS = 256;
const pad = (value: bigint): Uint8Array => bigIntToBytes(value, N_BYTES);
const H = (...parts: Uint8Array[]): Uint8Array => sha256(concat(...parts));
const k = bytesToBigInt(H(pad(N), pad(g)));

/** The verifier v = g^x mod N that sign-up and password change send to the server. */
export function computeVerifier({ salt, identity, loginKey }: SrpCredentials): Uint8Array {
  return pad(modPow(g, privateX(salt, identity, loginKey), N));
}

/**
 * The first half of one exchange, made before the password is known: the client's secret a and
 * A = g^a, which is all create-session needs.
 */
export interface SrpEphemeral {
  /** A = g^a mod N, 512 bytes: sent to /users/srp/create-session. */
  publicA(): Uint8Array;
  /**
   * Readies a table of powers of g (some tens of milliseconds of main-thread work) while the page waits
   * anyway, such as during the seconds of Argon2id: v = g^x then costs a few dozen multiplications
   * instead of hundreds of squarings once the login key is there.
   */
  prepare(): void;
  /** The client of this exchange, now that the login key is known. */
  withCredentials(credentials: SrpCredentials): SrpClient;
}

/** `secretA` is for tests that pin the vectors; otherwise 64 random bytes. */
export function startSrpClient(secretA?: Uint8Array): SrpEphemeral {
  const a = bytesToBigInt(secretA ?? crypto.getRandomValues(new Uint8Array(CLIENT_SECRET_BYTES)));
  if (a === 0n) throw new SrpError('client secret must not be zero');
  const A = pad(modPow(g, a, N));
  let powersOfG: FixedBase | undefined;
  return {
    publicA: () => A.slice(),
    prepare: () => void (powersOfG ??= new FixedBase(g, N, X_BITS)),
    withCredentials: (credentials) => client(credentials, a, A, (x) => powersOfG?.pow(x) ?? modPow(g, x, N)),
  };
}

/** A client for one exchange. `secretA` is for tests that pin the vectors; otherwise 64 random bytes. */
export function createSrpClient(credentials: SrpCredentials, secretA?: Uint8Array): SrpClient {
  return startSrpClient(secretA).withCredentials(credentials);
}

function client(credentials: SrpCredentials, a: bigint, A: Uint8Array, gToThe: (x: bigint) => bigint): SrpClient {
  const x = privateX(credentials.salt, credentials.identity, credentials.loginKey);
  let expectedM2: Uint8Array | undefined;

  return {
    publicA: () => A.slice(),
    computeM1(serverB: Uint8Array): Uint8Array {
      const B = bytesToBigInt(serverB);
      // B ≡ 0 (mod N) would force S = 0 whatever the password: the SRP-6a abort. B ≥ N is no group
      // element at all; Ente's server never sends one, so it is refused rather than reduced.
      if (mod(B, N) === 0n || B >= N) throw new SrpError('server sent an invalid B');
      const paddedB = pad(B);
      const u = bytesToBigInt(H(A, paddedB));
      if (u === 0n) throw new SrpError('server sent an invalid B');
      const S = pad(modPow(mod(B - k * gToThe(x), N), a + u * x, N));
      const M1 = H(A, paddedB, S);
      expectedM2 = H(A, M1, H(S));
      return M1;
    },
    verifyM2(serverM2: Uint8Array): void {
      if (expectedM2 === undefined) throw new SrpError('M2 checked before M1 was computed');
      if (!equalInConstantTime(serverM2, expectedM2)) throw new SrpError('server proof M2 does not match');
    },
  };
}

function privateX(salt: Uint8Array, identity: string, loginKey: Uint8Array): bigint {
  const inner = H(new TextEncoder().encode(identity), new TextEncoder().encode(':'), loginKey);
  return bytesToBigInt(H(salt, inner));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// The proofs are public once sent, but a comparison that stops early is a habit not worth having.
function equalInConstantTime(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= left[i]! ^ right[i]!;
  return difference === 0;
}
