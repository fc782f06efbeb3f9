// Forgot password, as Ente's web client does it (web/packages/accounts/pages/recover.tsx): an emailed
// code (and the account's second factor, if any) answers the key attributes and the sealed token; the
// recovery key opens the master key here, the master key the token; a new password then wraps the same
// master key (srp/setup + srp/update), so codes, passkeys' PRF copies and the recovery key stay valid.
import { CryptoError, fromBase64, secretboxOpen, wipe, type Base64, type Base64UrlPadded } from '../crypto/sodium';
import { openWebSession, type WebSession } from '../api/session-api';
import { openToken } from '../vault/keys';
import type { KeyAttributes } from '../vault/types';
import { signInWithEmailedCode, type AskForCode } from '../session/second-step';
import { passSecondFactorIfAsked, type SignInPhase } from '../session/sign-in';
import { deriveNewKek, type Derive } from './new-kek';
import { rewrapUnderNewKek, type FullKeyAttributes } from './new-keys';
import { updateSrp } from './srp-setup';

/** The recovery key is well-formed but is not this account's. */
export class WrongRecoveryKey extends Error {
  override name = 'WrongRecoveryKey';
}

/** The account has no recovery key to recover with (only accounts from very old clients). */
export class NoRecoveryKey extends Error {
  override name = 'NoRecoveryKey';
}

export interface Proven {
  keyAttributes: Partial<FullKeyAttributes> & KeyAttributes;
  encryptedToken: Base64;
}

/** The emailed code, then the second factor if the account asks for one. */
export async function proveEmail(email: string, ask: AskForCode, onPhase: (phase: SignInPhase) => void): Promise<Proven> {
  const authorization = await passSecondFactorIfAsked(await signInWithEmailedCode(email, ask), onPhase, ask);
  if (!authorization.keyAttributes || !authorization.encryptedToken) throw new NoRecoveryKey('no keys');
  return { keyAttributes: authorization.keyAttributes, encryptedToken: authorization.encryptedToken };
}

/** Opens the master key with the recovery key; a WrongRecoveryKey when it does not open. */
export async function openWithRecoveryKey(proven: Proven, recoveryKey: Uint8Array): Promise<Uint8Array> {
  const { masterKeyEncryptedWithRecoveryKey: wrapped, masterKeyDecryptionNonce: nonce } = proven.keyAttributes;
  if (!wrapped || !nonce) throw new NoRecoveryKey('the account has no recovery key');
  try {
    return await secretboxOpen(fromBase64(wrapped), fromBase64(nonce), recoveryKey);
  } catch (error) {
    throw error instanceof CryptoError ? new WrongRecoveryKey('not this account') : error;
  } finally {
    await wipe(recoveryKey);
  }
}

/** Sets the new password and opens this browser's web session (which ends the token). */
export async function setNewPassword(
  proven: Proven,
  masterKey: Uint8Array,
  password: string,
  derive?: Derive,
): Promise<WebSession> {
  const token = await openToken(proven.encryptedToken, proven.keyAttributes, masterKey);
  await replacePassword(token, masterKey, password, derive);
  return openWebSession(token);
}

/** The new KEK, and srp/update with the master key wrapped under it. Shared with the password change. */
export async function replacePassword(
  token: Base64UrlPadded,
  masterKey: Uint8Array,
  password: string,
  derive?: Derive,
  logOutOtherDevices = true,
): Promise<void> {
  const newKek = await deriveNewKek(password, derive);
  try {
    await updateSrp(token, newKek.kek, await rewrapUnderNewKek(masterKey, newKek), logOutOtherDevices);
  } finally {
    await wipe(newKek.kek);
  }
}
