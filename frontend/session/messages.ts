// What a person reads when signing in or unlocking fails. Wrong password and unknown email read the same
// on purpose (the server answers both with 401), and no message ever carries a stack trace or server text.
import { CryptoError } from '../crypto/sodium';
import { PasskeyCannotUnlock } from '../passkey/unlock';
import { PasskeyAlreadyRegistered, PasskeyCancelled, PasskeyUnavailable } from '../passkey/webauthn';
import { SrpError } from '../srp/srp-client';
import { HttpError, NetworkError } from '../api/http';
import { UnsupportedSignIn } from './sign-in';
import { WrongPassword } from './unlock';

export const WRONG_CREDENTIALS = 'Email or password is wrong.';
export const WRONG_PASSWORD = 'The password is wrong.';
export const TOO_MANY_ATTEMPTS = 'Too many attempts. Try again later.';
export const UNREACHABLE = 'Cannot reach the server. Check your connection and try again.';
export const RECENT_SIGN_IN_REQUIRED =
  'For your security, changing passkeys needs a recent sign-in. Unlock with a passkey, or sign out and sign in again.';
export const PAGE_EXPIRED = 'This page has expired. Reload it and sign in again.';
export const PASSKEY_CANCELLED = 'The passkey request was cancelled or timed out.';
export const PASSKEY_REJECTED = 'This passkey was not accepted. It may have been removed from your account.';
export const PASSKEY_EXPIRED = 'The passkey request expired. Try again.';
export const PASSKEY_UNAVAILABLE = 'This browser cannot use passkeys.';
export const PASSKEY_CANNOT_UNLOCK = 'This passkey cannot unlock the vault here. Use your password.';
export const SIGN_IN_EXPIRED = 'This sign-in took too long. Start again.';
export const NO_KEYS_YET = 'This account has no keys yet. Finish signing up in an Ente Auth app first.';
export const NO_UNLOCKING_PASSKEY =
  'None of your passkeys can unlock the vault (it needs one registered in Settings by a browser that supports PRF). Use your password.';

export function signInFailure(error: unknown): string {
  const passkey = passkeyProblem(error);
  if (passkey) return passkey;
  if (error instanceof HttpError) {
    if (error.code === 'TWO_FACTOR_SESSION_EXPIRED' || error.code === 'CODE_EXPIRED') return SIGN_IN_EXPIRED;
    if (error.status === 401) return WRONG_CREDENTIALS;
    if (error.status === 429 || error.status === 410) return TOO_MANY_ATTEMPTS;
    // 403 on this page is the CSRF check: the page outlived the server session it was loaded with.
    if (error.status === 403) return PAGE_EXPIRED;
    if (error.status === 423) return 'This account is locked. Ask the administrator of this server.';
    if (error.status >= 500) return 'The server had a problem. Try again in a moment.';
    return 'Sign-in failed. Try again.';
  }
  if (error instanceof NetworkError) return UNREACHABLE;
  if (error instanceof UnsupportedSignIn) return NO_KEYS_YET;
  if (error instanceof SrpError) return 'The server could not prove it knows your account. Sign-in stopped.';
  if (error instanceof CryptoError) return 'This browser could not derive your key (it may be short of memory).';
  if (error instanceof WrongPassword) return WRONG_PASSWORD;
  return 'Sign-in failed. Try again.';
}

export function unlockFailure(error: unknown): string {
  if (error instanceof WrongPassword) return WRONG_PASSWORD;
  const passkey = passkeyProblem(error);
  if (passkey) return passkey;
  if (error instanceof CryptoError) return 'This browser could not derive your key (it may be short of memory).';
  if (error instanceof NetworkError) return UNREACHABLE;
  if (error instanceof HttpError && error.status === 401) return 'Your session has ended. Sign in again.';
  return 'Unlocking failed. Try again.';
}

/** Unlocking with a passkey: whatever keeps it from opening the vault, the password still does. */
export function passkeyUnlockFailure(error: unknown): string {
  if (error instanceof PasskeyCannotUnlock && error.reason === 'none-unlocks') return NO_UNLOCKING_PASSKEY;
  if (error instanceof PasskeyCannotUnlock || error instanceof CryptoError) return PASSKEY_CANNOT_UNLOCK;
  if (error instanceof HttpError && error.code === 'NO_PRF_KEY') return PASSKEY_CANNOT_UNLOCK;
  return unlockFailure(error);
}

/** Registering, renaming, deleting passkeys and the policy, on the settings page. */
export function passkeySettingsFailure(error: unknown): string {
  if (error instanceof PasskeyAlreadyRegistered) return 'This authenticator already holds a passkey of this account.';
  if (error instanceof HttpError) {
    if (error.code === 'TOO_MANY_PASSKEYS') return 'This account has the most passkeys allowed. Delete one first.';
    if (error.code === 'NO_PASSKEY') return 'Register a passkey before requiring one.';
    if (error.code === 'INVALID_NAME') return 'A passkey name has 1 to 100 characters.';
    if (error.code === 'RECENT_SIGN_IN_REQUIRED') return RECENT_SIGN_IN_REQUIRED;
    if (error.status === 404) return 'That passkey no longer exists.';
  }
  return passkeyProblem(error) ?? 'That did not work. Try again.';
}

/** The messages every passkey ceremony shares; undefined when the error is not about the passkey. */
function passkeyProblem(error: unknown): string | undefined {
  if (error instanceof PasskeyCancelled) return PASSKEY_CANCELLED;
  if (error instanceof PasskeyUnavailable) return PASSKEY_UNAVAILABLE;
  if (error instanceof HttpError) {
    if (error.code === 'PASSKEY_REJECTED') return PASSKEY_REJECTED;
    if (error.code === 'CEREMONY_EXPIRED' || error.code === 'PASSKEY_NOT_VERIFIED') return PASSKEY_EXPIRED;
    if (error.status === 401 && error.code === 'NOT_SIGNED_IN') return 'Your session has ended. Sign in again.';
  }
  if (error instanceof NetworkError) return UNREACHABLE;
  return undefined;
}
