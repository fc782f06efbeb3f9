// Changing the password of a signed-in account. The web session alone may not do it: the proof is fresh,
// a full sign-in with the current password (and the account's second factor), which yields a sync token
// as for any Ente client; srp/update then sets the new password with it (Ente's web client,
// web/packages/accounts/pages/change-password.tsx), and the token is ended. The master key stays the
// same, so this browser's web session and its codes are untouched. Ente's server-side "log out other
// devices" would end every browser, this one too (the change comes through a token, not this session),
// so this browser ends the other sessions itself, through its own sessions list.
import { sendWithToken } from '../api/http';
import { endSession, listSessions } from '../api/sessions-api';
import { wipe } from '../crypto/sodium';
import type { AskForCode } from '../session/second-step';
import { authorize, type SignInPhase } from '../session/sign-in';
import type { Derive } from './new-kek';
import { replacePassword } from './recover';

export type ChangePhase = SignInPhase | 'replacing';

export async function changePassword(
  email: string,
  currentPassword: string,
  newPassword: string,
  onPhase: (phase: ChangePhase) => void,
  ask: AskForCode,
  derive?: Derive,
): Promise<void> {
  const { masterKey, token } = await authorize(email, currentPassword, onPhase, undefined, ask);
  try {
    onPhase('replacing');
    await replacePassword(token, masterKey, newPassword, derive, false);
  } finally {
    await wipe(masterKey);
    // The token's work is done; left alive it would be one more device that can write codes.
    await sendWithToken('POST', '/users/logout', token).catch(() => undefined);
  }
  await endOtherSessions();
}

/** Every browser and sync client but this browser; the password is changed even if one cannot be ended. */
async function endOtherSessions(): Promise<void> {
  for (const session of await listSessions()) {
    if (!session.current) await endSession(session.id);
  }
}
