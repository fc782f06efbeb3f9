// Sign-up exactly as Ente's web client does it (web/packages/accounts/components/SignUpContents.tsx and
// pages/verify.tsx): an emailed code proves the address and answers a plain token for the new account;
// the keys made in this browser go up as key attributes, then the SRP verifier. The password, the KEK,
// the master key and the recovery key never leave the browser. The token is finally exchanged for a web
// session (which revokes it), as a sign-in does.
import { asBase64UrlPadded } from '../crypto/sodium';
import { sendJson, sendWithToken } from '../api/http';
import { openWebSession, type WebSession } from '../api/session-api';
import type { Authorization } from '../session/second-step';
import type { NewAccountKeys } from './new-keys';
import { completeSrp } from './srp-setup';

/** The email already has an account (with keys): the person should sign in, or recover it. */
export class AccountExists extends Error {
  override name = 'AccountExists';
}

export function sendSignUpCode(email: string): Promise<unknown> {
  return sendJson<unknown>('POST', '/users/ott', { email, purpose: 'signup' });
}

/**
 * Checks the emailed code; answers the new account's token. A wrong code is the HttpError 401 of the
 * server, so the page can ask again.
 */
export async function verifySignUpCode(email: string, ott: string): Promise<string> {
  const answer = await sendJson<Authorization & { token?: string }>('POST', '/users/verify-email', {
    email,
    ott: ott.replace(/\s+/g, ''),
  });
  // A token in the clear comes only for an account without keys: one being made right now.
  if (!answer.token || answer.keyAttributes) throw new AccountExists('the email has an account');
  return answer.token;
}

/** Stores the new keys and the verifier, then opens this browser's web session with the token. */
export async function createAccount(token: string, keys: NewAccountKeys, kek: Uint8Array): Promise<WebSession> {
  await sendWithToken<unknown>('PUT', '/users/attributes', token, { keyAttributes: keys.keyAttributes });
  await completeSrp(token, kek);
  return openWebSession(asBase64UrlPadded(token));
}
