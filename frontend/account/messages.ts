// What a person reads when sign-up, recovery or a password change fails: the sign-in messages where the
// cause is the same (a server out of reach, a wrong code, a passkey), and plain words for the rest.
import { HttpError } from '../api/http';
import { signInFailure } from '../session/messages';
import { NotEnoughMemory } from './new-kek';
import { NoRecoveryKey, WrongRecoveryKey } from './recover';
import { NotARecoveryKey } from './recovery-words';
import { AccountExists } from './sign-up';

export const ACCOUNT_EXISTS = 'This email already has an account. Sign in, or recover it with its recovery key.';
export const REGISTRATION_CLOSED = 'This server does not accept new accounts. Ask its administrator.';
export const WRONG_RECOVERY_KEY = 'These words are not the recovery key of this account.';

export function accountFailure(error: unknown): string {
  if (error instanceof AccountExists) return ACCOUNT_EXISTS;
  if (error instanceof NotARecoveryKey) return error.message;
  if (error instanceof WrongRecoveryKey) return WRONG_RECOVERY_KEY;
  if (error instanceof NoRecoveryKey) return 'This account has no recovery key. Recover it in an Ente Auth app.';
  if (error instanceof NotEnoughMemory) {
    return 'This browser cannot spare the memory the key needs (128 MiB at least). Try another browser or device.';
  }
  if (error instanceof HttpError) {
    if (error.code === 'REGISTRATION_DISABLED') return REGISTRATION_CLOSED;
    if (error.status === 401) return 'That code is not right. Try again.';
    if (error.status === 400) return 'The server refused this request. Reload the page and try again.';
  }
  return signInFailure(error);
}
