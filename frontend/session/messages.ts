// What a person reads when signing in or unlocking fails. Wrong password and unknown email read the same
// on purpose (the server answers both with 401), and no message ever carries a stack trace or server text:
// the API's codes map to the viewer's own catalogue texts (namespace `session`), in the page's language.
import { CryptoError } from '../crypto/sodium';
import { t } from '../i18n/i18n';
import { PasskeyCannotUnlock } from '../passkey/unlock';
import { PasskeyAlreadyRegistered, PasskeyCancelled, PasskeyUnavailable } from '../passkey/webauthn';
import { SrpError } from '../srp/srp-client';
import { HttpError, NetworkError } from '../api/http';
import { UnsupportedSignIn } from './sign-in';
import { WrongPassword } from './unlock';

export function signInFailure(error: unknown): string {
  const passkey = passkeyProblem(error);
  if (passkey) return passkey;
  if (error instanceof HttpError) {
    if (error.code === 'TWO_FACTOR_SESSION_EXPIRED' || error.code === 'CODE_EXPIRED') return t('session.signInExpired');
    if (error.status === 401) return t('session.wrongCredentials');
    if (error.status === 429 || error.status === 410) return t('session.tooManyAttempts');
    // 403 on this page is the CSRF check: the page outlived the server session it was loaded with.
    if (error.status === 403) return t('session.pageExpired');
    if (error.status === 423) return t('session.accountLocked');
    if (error.status >= 500) return t('session.serverProblem');
    return t('session.signInFailed');
  }
  if (error instanceof NetworkError) return t('session.unreachable');
  if (error instanceof UnsupportedSignIn) return t('session.noKeysYet');
  if (error instanceof SrpError) return t('session.serverUnproven');
  if (error instanceof CryptoError) return t('session.cannotDerive');
  if (error instanceof WrongPassword) return t('session.wrongPassword');
  return t('session.signInFailed');
}

export function unlockFailure(error: unknown): string {
  if (error instanceof WrongPassword) return t('session.wrongPassword');
  const passkey = passkeyProblem(error);
  if (passkey) return passkey;
  if (error instanceof CryptoError) return t('session.cannotDerive');
  if (error instanceof NetworkError) return t('session.unreachable');
  if (error instanceof HttpError && error.status === 401) return t('session.sessionEnded');
  return t('session.unlockFailed');
}

/** Unlocking with a passkey: whatever keeps it from opening the vault, the password still does. */
export function passkeyUnlockFailure(error: unknown): string {
  if (error instanceof PasskeyCannotUnlock && error.reason === 'none-unlocks') return t('session.noUnlockingPasskey');
  if (error instanceof PasskeyCannotUnlock || error instanceof CryptoError) return t('session.passkeyCannotUnlock');
  if (error instanceof HttpError && error.code === 'NO_PRF_KEY') return t('session.passkeyCannotUnlock');
  return unlockFailure(error);
}

/** Registering, renaming, deleting passkeys and the policy, on the settings page. */
export function passkeySettingsFailure(error: unknown): string {
  if (error instanceof PasskeyAlreadyRegistered) return t('session.passkeyAlreadyRegistered');
  if (error instanceof HttpError) {
    if (error.code === 'TOO_MANY_PASSKEYS') return t('session.tooManyPasskeys');
    if (error.code === 'NO_PASSKEY') return t('session.noPasskey');
    if (error.code === 'INVALID_NAME') return t('session.invalidName');
    if (error.code === 'RECENT_SIGN_IN_REQUIRED') return t('session.recentSignInRequired');
    if (error.status === 404) return t('session.passkeyGone');
  }
  return passkeyProblem(error) ?? t('session.didNotWork');
}

/** The messages every passkey ceremony shares; undefined when the error is not about the passkey. */
function passkeyProblem(error: unknown): string | undefined {
  if (error instanceof PasskeyCancelled) return t('session.passkeyCancelled');
  if (error instanceof PasskeyUnavailable) return t('session.passkeyUnavailable');
  if (error instanceof HttpError) {
    if (error.code === 'PASSKEY_REJECTED') return t('session.passkeyRejected');
    if (error.code === 'CEREMONY_EXPIRED' || error.code === 'PASSKEY_NOT_VERIFIED') return t('session.passkeyExpired');
    if (error.status === 401 && error.code === 'NOT_SIGNED_IN') return t('session.sessionEnded');
  }
  if (error instanceof NetworkError) return t('session.unreachable');
  return undefined;
}
