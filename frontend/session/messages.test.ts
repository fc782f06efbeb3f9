import { describe, expect, it } from 'vitest';
import { CryptoError } from '../crypto/sodium';
import { HttpError, NetworkError } from '../api/http';
import { PasskeyCannotUnlock } from '../passkey/unlock';
import { PasskeyAlreadyRegistered, PasskeyCancelled, PasskeyUnavailable } from '../passkey/webauthn';
import {
  NO_UNLOCKING_PASSKEY,
  PAGE_EXPIRED,
  RECENT_SIGN_IN_REQUIRED,
  PASSKEY_CANCELLED,
  PASSKEY_CANNOT_UNLOCK,
  PASSKEY_EXPIRED,
  PASSKEY_REJECTED,
  PASSKEY_UNAVAILABLE,
  passkeySettingsFailure,
  passkeyUnlockFailure,
  signInFailure,
  TOO_MANY_ATTEMPTS,
  UNREACHABLE,
  unlockFailure,
  WRONG_CREDENTIALS,
  WRONG_PASSWORD,
} from './messages';
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

  it('asks for a reload when the page outlived its session (the CSRF check answers 403)', () => {
    expect(signInFailure(new HttpError(403, 'FORBIDDEN'))).toBe(PAGE_EXPIRED);
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

describe('passkey messages', () => {
  it('says a cancelled or timed-out request was cancelled, and that a refused passkey was refused', () => {
    expect(signInFailure(new PasskeyCancelled('x'))).toBe(PASSKEY_CANCELLED);
    expect(signInFailure(new HttpError(401, 'PASSKEY_REJECTED'))).toBe(PASSKEY_REJECTED);
    expect(signInFailure(new HttpError(400, 'CEREMONY_EXPIRED'))).toBe(PASSKEY_EXPIRED);
    expect(signInFailure(new NetworkError('down'))).toBe(UNREACHABLE);
    expect(signInFailure(new PasskeyUnavailable('x'))).toBe(PASSKEY_UNAVAILABLE);
  });

  it('keeps the wrong-password message for a 401 of the password path', () => {
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe(WRONG_CREDENTIALS);
  });

  it('points to the password when a passkey cannot unlock, and says when none can', () => {
    expect(passkeyUnlockFailure(new PasskeyCannotUnlock('no-prf-output'))).toBe(PASSKEY_CANNOT_UNLOCK);
    expect(passkeyUnlockFailure(new HttpError(409, 'NO_PRF_KEY'))).toBe(PASSKEY_CANNOT_UNLOCK);
    expect(passkeyUnlockFailure(new CryptoError('secretbox could not be opened'))).toBe(PASSKEY_CANNOT_UNLOCK);
    expect(passkeyUnlockFailure(new PasskeyCannotUnlock('none-unlocks'))).toBe(NO_UNLOCKING_PASSKEY);
    expect(passkeyUnlockFailure(new HttpError(401, 'NOT_SIGNED_IN'))).toMatch(/session has ended/);
  });

  it('names the settings problems the server reports by code', () => {
    expect(passkeySettingsFailure(new HttpError(409, 'TOO_MANY_PASSKEYS'))).toMatch(/most passkeys/);
    expect(passkeySettingsFailure(new HttpError(400, 'NO_PASSKEY'))).toMatch(/Register a passkey before/);
    expect(passkeySettingsFailure(new HttpError(404, 'NOT_FOUND'))).toMatch(/no longer exists/);
    expect(passkeySettingsFailure(new HttpError(403, 'RECENT_SIGN_IN_REQUIRED'))).toBe(RECENT_SIGN_IN_REQUIRED);
    expect(passkeySettingsFailure(new PasskeyAlreadyRegistered('x'))).toMatch(/already holds/);
    expect(passkeySettingsFailure(new Error('at secret.js:1'))).toBe('That did not work. Try again.');
  });
});
