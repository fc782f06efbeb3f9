// What a person reads when sign-up, recovery or a password change fails: the sign-in messages where the
// cause is the same (a server out of reach, a wrong code, a passkey), and plain words for the rest.
import { HttpError } from '../api/http';
import { t } from '../i18n/i18n';
import { signInFailure } from '../session/messages';
import { NotEnoughMemory } from './new-kek';
import { NoRecoveryKey, WrongRecoveryKey } from './recover';
import { NotARecoveryKey } from './recovery-words';
import { AccountExists } from './sign-up';

/** Shown when the server refuses a sign-up because registration is closed, and on the closed sign-up page. */
export function registrationClosed(): string {
  return t('account.registrationClosed');
}

export function accountFailure(error: unknown): string {
  if (error instanceof AccountExists) return t('account.accountExists');
  if (error instanceof NotARecoveryKey) return error.message;
  if (error instanceof WrongRecoveryKey) return t('account.wrongRecoveryKey');
  if (error instanceof NoRecoveryKey) return t('account.noRecoveryKey');
  if (error instanceof NotEnoughMemory) {
    return t('account.notEnoughMemory');
  }
  if (error instanceof HttpError) {
    if (error.code === 'REGISTRATION_DISABLED') return t('account.registrationClosed');
    if (error.status === 401) return t('common.codeWrong');
    if (error.status === 400) return t('account.requestRefused');
  }
  return signInFailure(error);
}
