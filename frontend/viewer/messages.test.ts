import { describe, expect, it } from 'vitest';
import { CryptoError } from '../crypto/sodium';
import { HttpError, NetworkError } from './http';
import { signInFailure, TOO_MANY_ATTEMPTS, UNREACHABLE, unlockFailure, WRONG_CREDENTIALS, WRONG_PASSWORD } from './messages';
import { WrongPassword } from './unlock';

describe('sign-in messages', () => {
  it('says the same for a wrong password and an unknown email (both a 401 from verify-session)', () => {
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe(WRONG_CREDENTIALS);
    expect(signInFailure(new HttpError(401, 'UNKNOWN_SESSION'))).toBe(WRONG_CREDENTIALS);
  });

  it('asks to wait after too many attempts, and says when the server cannot be reached', () => {
    expect(signInFailure(new HttpError(429, 'TOO_MANY_UNVERIFIED_SESSIONS'))).toBe(TOO_MANY_ATTEMPTS);
    expect(signInFailure(new HttpError(410, 'TOO_MANY_WRONG_ATTEMPTS'))).toBe(TOO_MANY_ATTEMPTS);
    expect(signInFailure(new NetworkError('down'))).toBe(UNREACHABLE);
  });

  it('never shows the text of an unexpected error', () => {
    expect(signInFailure(new Error('at Foo.bar (secret.js:1)'))).toBe('Sign-in failed. Try again.');
    expect(signInFailure(new HttpError(500, 'INTERNAL_ERROR'))).not.toContain('INTERNAL');
  });

  it('tells a wrong password from a browser that could not derive the key when unlocking', () => {
    expect(unlockFailure(new WrongPassword('x'))).toBe(WRONG_PASSWORD);
    expect(unlockFailure(new CryptoError('key derivation failed'))).toMatch(/could not derive/);
  });
});
