import { describe, expect, it } from 'vitest';
import { CryptoError } from '../crypto/sodium';
import { HttpError, NetworkError } from '../api/http';
import { PasskeyCannotUnlock } from '../passkey/unlock';
import { PasskeyAlreadyRegistered, PasskeyCancelled, PasskeyUnavailable } from '../passkey/webauthn';
import { t, useLanguageForTests } from '../i18n/i18n';
import { passkeySettingsFailure, passkeyUnlockFailure, signInFailure, unlockFailure } from './messages';
import { WrongPassword } from './unlock';

describe('sign-in messages', () => {
  it('says the same for a wrong password and an unknown email (both a 401 from verify-session)', () => {
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe(t('session.wrongCredentials'));
    expect(signInFailure(new HttpError(401, 'UNKNOWN_SESSION'))).toBe(t('session.wrongCredentials'));
  });

  it('asks to wait after too many attempts, and says when the server cannot be reached', () => {
    expect(signInFailure(new HttpError(429, 'TOO_MANY_UNVERIFIED_SESSIONS'))).toBe(t('session.tooManyAttempts'));
    expect(signInFailure(new HttpError(410, 'TOO_MANY_WRONG_ATTEMPTS'))).toBe(t('session.tooManyAttempts'));
    expect(signInFailure(new NetworkError('down'))).toBe(t('session.unreachable'));
  });

  it('asks for a reload when the page outlived its session (the CSRF check answers 403)', () => {
    expect(signInFailure(new HttpError(403, 'FORBIDDEN'))).toBe(t('session.pageExpired'));
  });

  it('never shows the text of an unexpected error', () => {
    expect(signInFailure(new Error('at Foo.bar (secret.js:1)'))).toBe('Sign-in failed. Try again.');
    expect(signInFailure(new HttpError(500, 'INTERNAL_ERROR'))).not.toContain('INTERNAL');
  });

  it('tells a wrong password from a browser that could not derive the key when unlocking', () => {
    expect(unlockFailure(new WrongPassword('x'))).toBe(t('session.wrongPassword'));
    expect(unlockFailure(new CryptoError('key derivation failed'))).toMatch(/could not derive/);
  });
});

describe('messages in the page language', () => {
  it('reads the same failure in German and Dutch, and the English wording stays as it was', () => {
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe('Email or password is wrong.');
    useLanguageForTests('de');
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    useLanguageForTests('nl');
    expect(unlockFailure(new WrongPassword('x'))).toBe('Het wachtwoord is onjuist.');
    useLanguageForTests('en');
  });
});

describe('passkey messages', () => {
  it('says a cancelled or timed-out request was cancelled, and that a refused passkey was refused', () => {
    expect(signInFailure(new PasskeyCancelled('x'))).toBe(t('session.passkeyCancelled'));
    expect(signInFailure(new HttpError(401, 'PASSKEY_REJECTED'))).toBe(t('session.passkeyRejected'));
    expect(signInFailure(new HttpError(400, 'CEREMONY_EXPIRED'))).toBe(t('session.passkeyExpired'));
    expect(signInFailure(new NetworkError('down'))).toBe(t('session.unreachable'));
    expect(signInFailure(new PasskeyUnavailable('x'))).toBe(t('session.passkeyUnavailable'));
  });

  it('keeps the wrong-password message for a 401 of the password path', () => {
    expect(signInFailure(new HttpError(401, 'INVALID_PASSWORD'))).toBe(t('session.wrongCredentials'));
  });

  it('points to the password when a passkey cannot unlock, and says when none can', () => {
    expect(passkeyUnlockFailure(new PasskeyCannotUnlock('no-prf-output'))).toBe(t('session.passkeyCannotUnlock'));
    expect(passkeyUnlockFailure(new HttpError(409, 'NO_PRF_KEY'))).toBe(t('session.passkeyCannotUnlock'));
    expect(passkeyUnlockFailure(new CryptoError('secretbox could not be opened'))).toBe(t('session.passkeyCannotUnlock'));
    expect(passkeyUnlockFailure(new PasskeyCannotUnlock('none-unlocks'))).toBe(t('session.noUnlockingPasskey'));
    expect(passkeyUnlockFailure(new HttpError(401, 'NOT_SIGNED_IN'))).toMatch(/session has ended/);
  });

  it('names the settings problems the server reports by code', () => {
    expect(passkeySettingsFailure(new HttpError(409, 'TOO_MANY_PASSKEYS'))).toMatch(/most passkeys/);
    expect(passkeySettingsFailure(new HttpError(400, 'NO_PASSKEY'))).toMatch(/Register a passkey before/);
    expect(passkeySettingsFailure(new HttpError(404, 'NOT_FOUND'))).toMatch(/no longer exists/);
    expect(passkeySettingsFailure(new HttpError(403, 'RECENT_SIGN_IN_REQUIRED'))).toBe(t('session.recentSignInRequired'));
    expect(passkeySettingsFailure(new PasskeyAlreadyRegistered('x'))).toMatch(/already holds/);
    expect(passkeySettingsFailure(new Error('at secret.js:1'))).toBe('That did not work. Try again.');
  });
});
