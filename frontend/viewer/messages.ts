// What a person reads when signing in or unlocking fails. Wrong password and unknown email read the same
// on purpose (the server answers both with 401), and no message ever carries a stack trace or server text.
import { CryptoError } from '../crypto/sodium';
import { SrpError } from '../srp/srp-client';
import { HttpError, NetworkError } from './http';
import { UnsupportedSignIn } from './sign-in';
import { WrongPassword } from './unlock';

export const WRONG_CREDENTIALS = 'Email or password is wrong.';
export const WRONG_PASSWORD = 'The password is wrong.';
export const TOO_MANY_ATTEMPTS = 'Too many attempts. Try again later.';
export const UNREACHABLE = 'Cannot reach the server. Check your connection and try again.';

export function signInFailure(error: unknown): string {
  if (error instanceof HttpError) {
    if (error.status === 401) return WRONG_CREDENTIALS;
    if (error.status === 429 || error.status === 410) return TOO_MANY_ATTEMPTS;
    if (error.status === 403 || error.status === 423) return 'This account is locked. Ask the administrator of this server.';
    if (error.status >= 500) return 'The server had a problem. Try again in a moment.';
    return 'Sign-in failed. Try again.';
  }
  if (error instanceof NetworkError) return UNREACHABLE;
  if (error instanceof UnsupportedSignIn) return 'This account needs a sign-in step the viewer does not offer yet. Use an Ente Auth app.';
  if (error instanceof SrpError) return 'The server could not prove it knows your account. Sign-in stopped.';
  if (error instanceof CryptoError) return 'This browser could not derive your key (it may be short of memory).';
  return 'Sign-in failed. Try again.';
}

export function unlockFailure(error: unknown): string {
  if (error instanceof WrongPassword) return WRONG_PASSWORD;
  if (error instanceof CryptoError) return 'This browser could not derive your key (it may be short of memory).';
  if (error instanceof NetworkError) return UNREACHABLE;
  if (error instanceof HttpError && error.status === 401) return 'Your session has ended. Sign in again.';
  return 'Unlocking failed. Try again.';
}
