// The sign-in steps after (or instead of) the password, Ente's way (docs/protocol.md §3): an emailed code
// when the account has email verification on, and a TOTP code when it has that second factor. Each code
// is asked of the person through `ask`; a refused code (401) asks again, anything else ends the sign-in.
import type { Base64 } from '../crypto/sodium';
import { HttpError, sendJson } from '../api/http';
import type { KeyAttributes } from '../vault/types';

/** What verify-session, verify-email and two-factor/verify answer (Ente's EmailAuthorizationResponse). */
export interface Authorization {
  keyAttributes?: KeyAttributes;
  encryptedToken?: Base64;
  srpM2?: Base64;
  /** Set instead of the keys when the account requires a passkey after the password. */
  passkeySessionID?: string;
  /** Set instead of the keys when the account requires a TOTP code (alone). */
  twoFactorSessionID?: string;
  /** The TOTP session when a passkey would do as well (Ente's name for it then). */
  twoFactorSessionIDV2?: string;
}

export type CodeKind = 'email' | 'totp';

/** Asks the person for a code; `refused` is true when the previous one was not accepted. */
export type AskForCode = (kind: CodeKind, refused: boolean) => Promise<string>;

/** Emails a code to the account's address and signs in with it. */
export async function signInWithEmailedCode(email: string, ask: AskForCode): Promise<Authorization> {
  await sendJson<unknown>('POST', '/users/ott', { email, purpose: 'login' });
  return untilAccepted(ask, 'email', (ott) => sendJson<Authorization>('POST', '/users/verify-email', { email, ott }));
}

/** The TOTP session of an answer, whichever of Ente's two names it came under ('' if none). */
export function totpSessionOf(authorization: Authorization): string {
  return authorization.twoFactorSessionID || authorization.twoFactorSessionIDV2 || '';
}

/** Turns a held sign-in into what the first check would have answered, with a code from the person's app. */
export function passTotp(sessionID: string, ask: AskForCode): Promise<Authorization> {
  return untilAccepted(ask, 'totp', (code) => sendJson<Authorization>('POST', '/users/two-factor/verify', { sessionID, code }));
}

async function untilAccepted(
  ask: AskForCode,
  kind: CodeKind,
  attempt: (code: string) => Promise<Authorization>,
): Promise<Authorization> {
  let refused = false;
  for (;;) {
    const code = (await ask(kind, refused)).replace(/\s+/g, '');
    try {
      return await attempt(code);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 401)) throw error;
      refused = true;
    }
  }
}
