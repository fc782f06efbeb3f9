// Password sign-in exactly as an Ente client does it (docs/protocol.md §3), with the emailed code instead
// of SRP when the account has email verification on and a passkey or TOTP code after it when the account
// asks for one, then the exchange of the resulting sync token for a web session. Everything secret (password, KEK, login key,
// master key, token) stays in this browser; the server sees only SRP values and, once, the token, which
// it revokes on the spot.
import {
  asBase64,
  CryptoError,
  fromBase64,
  loadSodium,
  loginKey,
  toBase64,
  wipe,
  type Base64,
  type Base64UrlPadded,
} from '../crypto/sodium';
import { passSecondFactor } from '../passkey/second-factor';
import { startSrpClient, type SrpEphemeral } from '../srp/srp-client';
import { openMasterKey, openToken } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { getJson, sendJson } from '../api/http';
import { deriveKekOffMainThread } from './kdf';
import { checkPageSession } from './node-check';
import { WrongPassword } from './unlock';
import { prefetchVault } from '../dashboard/live-vault';
import { stopEntityDecryptor, warmEntityDecryptor } from '../dashboard/entity-decryptor';
import { openWebSession, type WebSession } from '../api/session-api';
import { passTotp, signInWithEmailedCode, totpSessionOf, type AskForCode, type Authorization } from './second-step';

export type SignInPhase = 'looking-up' | 'deriving' | 'verifying' | 'emailing' | 'passkey' | 'totp' | 'opening';

interface SrpAttributes {
  srpUserID: string;
  srpSalt: Base64;
  memLimit: number;
  opsLimit: number;
  kekSalt: Base64;
  isEmailMFAEnabled: boolean;
}

export interface SignedIn {
  masterKey: Uint8Array;
  session: WebSession;
}

/** A proven sign-in before any web session: the keys, and a live sync token the caller must end or exchange. */
export interface Authorized {
  masterKey: Uint8Array;
  token: Base64UrlPadded;
  keyAttributes: KeyAttributes;
}

/** The account needs a sign-in step the viewer does not offer (no keys yet, or no way to ask for a code). */
export class UnsupportedSignIn extends Error {
  override name = 'UnsupportedSignIn';
}

/**
 * The account's sign-in parameters. The page asks as soon as the email is entered, so the answer is there
 * when the password is. (For an unknown email the server answers with plausible fake parameters.)
 */
export async function lookUpAccount(email: string): Promise<SrpAttributes> {
  const { attributes } = await getJson<{ attributes: SrpAttributes }>(
    `/users/srp/attributes?email=${encodeURIComponent(email.trim())}`,
  );
  return attributes;
}

export async function signIn(
  email: string,
  password: string,
  onPhase: (phase: SignInPhase) => void,
  lookedUp?: Promise<SrpAttributes>,
  askForCode?: AskForCode,
): Promise<SignedIn> {
  // The worker that will decrypt the vault starts now: its start-up (libsodium's WebAssembly) then runs
  // during the look-up and Argon2id, while the main thread mostly waits, not after the vault arrived.
  warmEntityDecryptor();
  let authorized: Authorized;
  try {
    authorized = await authorize(email, password, onPhase, lookedUp, askForCode);
  } catch (error) {
    stopEntityDecryptor();
    throw error;
  }
  const { masterKey, token } = authorized;
  try {
    const session = await openWebSession(token);
    prefetchVault(masterKey);
    return { masterKey, session };
  } catch (error) {
    stopEntityDecryptor();
    masterKey.fill(0);
    throw error;
  }
}

/**
 * Everything a sign-in proves, without the web session: what a fresh proof of the password needs (a
 * password change), which then acts with the token as any Ente client would.
 */
export async function authorize(
  email: string,
  password: string,
  onPhase: (phase: SignInPhase) => void,
  lookedUp?: Promise<SrpAttributes>,
  askForCode?: AskForCode,
): Promise<Authorized> {
  onPhase('looking-up');
  // Asked alongside the look-up, answered before any key derivation: a page whose server session is gone
  // (its node died, a balancer that is not sticky) would otherwise learn it only after the Argon2id.
  const pageSession = checkPageSession();
  pageSession.catch(() => undefined);
  const attributes = await (lookedUp?.catch(() => lookUpAccount(email)) ?? lookUpAccount(email));
  await pageSession;
  const ask: AskForCode = askForCode ?? (() => Promise.reject(new UnsupportedSignIn('this page cannot ask for a code')));
  if (attributes.isEmailMFAEnabled) return signInByEmail(email, password, attributes, onPhase, ask);

  onPhase('deriving');
  // The seconds of Argon2id in the worker are used for what needs no password: this page loads its
  // libsodium, and the SRP session is opened (A depends only on the client's secret exponent) and the
  // powers of g that the proof needs are readied, so that after the key only the proof's own work is left.
  const derived = deriveKekOffMainThread(password, attributes);
  void loadSodium().catch(() => undefined);
  const ephemeral = startSrpClient();
  const srpSession = openSrpSession(attributes, ephemeral);
  srpSession.catch(() => undefined);
  ephemeral.prepare();
  const kek = await derived;
  try {
    onPhase('verifying');
    // The server proved itself (M2) before any second factor is asked: only of a server that knows the account.
    const authorization = await proveKnowledge(attributes, await loginKey(kek), ephemeral, await srpSession);
    return await open(await passSecondFactorIfAsked(authorization, onPhase, ask), kek, onPhase);
  } finally {
    await wipe(kek);
  }
}

/**
 * Email verification on: no SRP (the server refuses it), an emailed code instead, then the second factor
 * if any. The KEK is derived meanwhile: the SRP attributes carry the same kekSalt and limits as the keys.
 */
async function signInByEmail(
  email: string,
  password: string,
  attributes: SrpAttributes,
  onPhase: (phase: SignInPhase) => void,
  ask: AskForCode,
): Promise<Authorized> {
  onPhase('emailing');
  void loadSodium().catch(() => undefined);
  const derived = deriveKekOffMainThread(password, attributes);
  derived.catch(() => undefined);
  let kek: Uint8Array | undefined;
  try {
    const authorization = await passSecondFactorIfAsked(await signInWithEmailedCode(email, ask), onPhase, ask);
    onPhase('deriving');
    kek = await derived;
    // Unlike SRP, nothing has checked the password yet: a KEK that does not open the keys means a wrong one.
    return await open(authorization, kek, onPhase).catch((error: unknown) => {
      throw error instanceof CryptoError ? new WrongPassword('wrong password') : error;
    });
  } finally {
    if (kek) await wipe(kek);
    else void derived.then(wipe, () => undefined);
  }
}

/** A passkey when the account asks for one (even if a TOTP code would do), else a TOTP code if asked. */
export async function passSecondFactorIfAsked(
  authorization: Authorization,
  onPhase: (phase: SignInPhase) => void,
  ask: AskForCode,
): Promise<Authorization> {
  if (authorization.passkeySessionID) {
    onPhase('passkey');
    return passSecondFactor(authorization.passkeySessionID);
  }
  const totpSession = totpSessionOf(authorization);
  if (totpSession) {
    onPhase('totp');
    return passTotp(totpSession, ask);
  }
  return authorization;
}

async function open(authorization: Authorization, kek: Uint8Array, onPhase: (phase: SignInPhase) => void): Promise<Authorized> {
  if (!authorization.keyAttributes || !authorization.encryptedToken) {
    throw new UnsupportedSignIn('the account has no keys yet');
  }
  onPhase('opening');
  const masterKey = await openMasterKey(kek, authorization.keyAttributes);
  const token = await openToken(authorization.encryptedToken, authorization.keyAttributes, masterKey);
  return { masterKey, token, keyAttributes: authorization.keyAttributes };
}

interface SrpSession {
  sessionID: string;
  srpB: Base64;
}

/** create-session needs only A = g^a: it runs while the key is derived. */
function openSrpSession(attributes: SrpAttributes, ephemeral: SrpEphemeral): Promise<SrpSession> {
  return sendJson<SrpSession>('POST', '/users/srp/create-session', {
    srpUserID: attributes.srpUserID,
    srpA: toBase64(ephemeral.publicA()),
  });
}

/** SRP-6a: the server learns that we know the password, we learn that it knows the verifier. */
async function proveKnowledge(
  attributes: SrpAttributes,
  srpPassword: Uint8Array,
  ephemeral: SrpEphemeral,
  session: SrpSession,
): Promise<Authorization> {
  const srp = ephemeral.withCredentials({
    salt: fromBase64(attributes.srpSalt),
    identity: attributes.srpUserID,
    loginKey: srpPassword,
  });
  await wipe(srpPassword);
  const m1 = srp.computeM1(fromBase64(asBase64(session.srpB)));
  performance.mark('keyhole:srp:m1');
  const authorization = await sendJson<Authorization>('POST', '/users/srp/verify-session', {
    sessionID: session.sessionID,
    srpUserID: attributes.srpUserID,
    srpM1: toBase64(m1),
  });
  srp.verifyM2(fromBase64(asBase64(authorization.srpM2 ?? '')));
  return authorization;
}
