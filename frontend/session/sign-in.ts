// Password sign-in exactly as an Ente client does it (docs/protocol.md §3), then the
// exchange of the resulting sync token for a web session. Everything secret (password, KEK, login key,
// master key, token) stays in this browser; the server sees only SRP values and, once, the token, which
// it revokes on the spot.
import { asBase64, fromBase64, loadSodium, loginKey, toBase64, wipe, type Base64 } from '../crypto/sodium';
import { passSecondFactor } from '../passkey/second-factor';
import { createSrpClient } from '../srp/srp-client';
import { openMasterKey, openToken } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { getJson, sendJson } from '../api/http';
import { deriveKekOffMainThread } from './kdf';
import { prefetchVault } from '../dashboard/live-vault';
import { openWebSession, type WebSession } from '../api/session-api';

export type SignInPhase = 'looking-up' | 'deriving' | 'verifying' | 'passkey' | 'opening';

interface SrpAttributes {
  srpUserID: string;
  srpSalt: Base64;
  memLimit: number;
  opsLimit: number;
  kekSalt: Base64;
  isEmailMFAEnabled: boolean;
}

interface Authorization {
  keyAttributes?: KeyAttributes;
  encryptedToken?: Base64;
  srpM2?: Base64;
  /** Set instead of the keys when the account requires a passkey after the password (Ente's shape). */
  passkeySessionID?: string;
}

export interface SignedIn {
  masterKey: Uint8Array;
  session: WebSession;
}

/** The account needs a sign-in step the viewer does not offer (email code or a second factor). */
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
): Promise<SignedIn> {
  onPhase('looking-up');
  const attributes = await (lookedUp?.catch(() => lookUpAccount(email)) ?? lookUpAccount(email));
  if (attributes.isEmailMFAEnabled) throw new UnsupportedSignIn('email verification is on for this account');

  onPhase('deriving');
  // The seconds of Argon2id in the worker are used for what needs no password: this page loads its
  // libsodium, and the SRP session is opened (A depends only on the client's secret exponent).
  void loadSodium().catch(() => undefined);
  const secretA = crypto.getRandomValues(new Uint8Array(64));
  const srpSession = openSrpSession(attributes, secretA);
  srpSession.catch(() => undefined);
  const kek = await deriveKekOffMainThread(password, attributes);
  try {
    onPhase('verifying');
    let authorization = await proveKnowledge(attributes, await loginKey(kek), secretA, await srpSession);
    if (authorization.passkeySessionID) {
      // The server proved itself (M2) before this: the passkey is asked of a server that knows the account.
      onPhase('passkey');
      authorization = await passSecondFactor(authorization.passkeySessionID);
    }
    if (!authorization.keyAttributes || !authorization.encryptedToken) {
      throw new UnsupportedSignIn('the account has no keys yet or wants a second factor');
    }
    onPhase('opening');
    const masterKey = await openMasterKey(kek, authorization.keyAttributes);
    const token = await openToken(authorization.encryptedToken, authorization.keyAttributes, masterKey);
    const session = await openWebSession(token);
    prefetchVault(masterKey);
    return { masterKey, session };
  } finally {
    await wipe(kek);
  }
}

interface SrpSession {
  sessionID: string;
  srpB: Base64;
}

/**
 * create-session needs only A = g^a. The client built here serves for publicA() alone: its placeholder
 * login key feeds x, which it never uses; proveKnowledge builds the real client with the same a.
 */
function openSrpSession(attributes: SrpAttributes, secretA: Uint8Array): Promise<SrpSession> {
  const ephemeral = createSrpClient(
    { salt: fromBase64(attributes.srpSalt), identity: attributes.srpUserID, loginKey: new Uint8Array(16) },
    secretA,
  );
  return sendJson<SrpSession>('POST', '/users/srp/create-session', {
    srpUserID: attributes.srpUserID,
    srpA: toBase64(ephemeral.publicA()),
  });
}

/** SRP-6a: the server learns that we know the password, we learn that it knows the verifier. */
async function proveKnowledge(
  attributes: SrpAttributes,
  srpPassword: Uint8Array,
  secretA: Uint8Array,
  session: SrpSession,
): Promise<Authorization> {
  const srp = createSrpClient(
    { salt: fromBase64(attributes.srpSalt), identity: attributes.srpUserID, loginKey: srpPassword },
    secretA,
  );
  await wipe(srpPassword);
  secretA.fill(0);
  const m1 = srp.computeM1(fromBase64(asBase64(session.srpB)));
  const authorization = await sendJson<Authorization>('POST', '/users/srp/verify-session', {
    sessionID: session.sessionID,
    srpUserID: attributes.srpUserID,
    srpM1: toBase64(m1),
  });
  srp.verifyM2(fromBase64(asBase64(authorization.srpM2 ?? '')));
  return authorization;
}
