// Password sign-in exactly as an Ente client does it (reference/ente-protocol.md §2.2-2.5), then the
// exchange of the resulting sync token for a web session. Everything secret (password, KEK, login key,
// master key, token) stays in this browser; the server sees only SRP values and, once, the token, which
// it revokes on the spot.
import { asBase64, fromBase64, loginKey, toBase64, wipe, type Base64 } from '../crypto/sodium';
import { createSrpClient } from '../srp/srp-client';
import { openMasterKey, openToken } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { getJson, sendJson } from './http';
import { deriveKekOffMainThread } from './kdf';
import { openWebSession, type WebSession } from './session-api';

export type SignInPhase = 'looking-up' | 'deriving' | 'verifying' | 'opening';

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
}

export interface SignedIn {
  masterKey: Uint8Array;
  session: WebSession;
}

/** The account needs a sign-in step the viewer does not offer (email code or a second factor). */
export class UnsupportedSignIn extends Error {
  override name = 'UnsupportedSignIn';
}

export async function signIn(email: string, password: string, onPhase: (phase: SignInPhase) => void): Promise<SignedIn> {
  onPhase('looking-up');
  const { attributes } = await getJson<{ attributes: SrpAttributes }>(
    `/users/srp/attributes?email=${encodeURIComponent(email.trim())}`,
  );
  if (attributes.isEmailMFAEnabled) throw new UnsupportedSignIn('email verification is on for this account');

  onPhase('deriving');
  const kek = await deriveKekOffMainThread(password, attributes);
  try {
    onPhase('verifying');
    const authorization = await proveKnowledge(attributes, await loginKey(kek));
    if (!authorization.keyAttributes || !authorization.encryptedToken) {
      throw new UnsupportedSignIn('the account has no keys yet or wants a second factor');
    }
    onPhase('opening');
    const masterKey = await openMasterKey(kek, authorization.keyAttributes);
    const token = await openToken(authorization.encryptedToken, authorization.keyAttributes, masterKey);
    return { masterKey, session: await openWebSession(token) };
  } finally {
    await wipe(kek);
  }
}

/** SRP-6a: the server learns that we know the password, we learn that it knows the verifier. */
async function proveKnowledge(attributes: SrpAttributes, srpPassword: Uint8Array): Promise<Authorization> {
  const srp = createSrpClient({ salt: fromBase64(attributes.srpSalt), identity: attributes.srpUserID, loginKey: srpPassword });
  await wipe(srpPassword);
  const session = await sendJson<{ sessionID: string; srpB: Base64 }>('POST', '/users/srp/create-session', {
    srpUserID: attributes.srpUserID,
    srpA: toBase64(srp.publicA()),
  });
  const m1 = srp.computeM1(fromBase64(asBase64(session.srpB)));
  const authorization = await sendJson<Authorization>('POST', '/users/srp/verify-session', {
    sessionID: session.sessionID,
    srpUserID: attributes.srpUserID,
    srpM1: toBase64(m1),
  });
  srp.verifyM2(fromBase64(asBase64(authorization.srpM2 ?? '')));
  return authorization;
}
