// A new account's key hierarchy, made in this browser as Ente's web client makes it (web/packages/
// accounts/services/user.ts generateKeysAndAttributes): a random master key and recovery key, each
// wrapping the other, the master key wrapped under the password's KEK, and an X25519 key pair whose
// private half the master key wraps. Only the wrapped forms (the key attributes) leave the browser.
import { boxKeyPair, randomBytes, secretbox, toBase64, wipe, type Base64 } from '../crypto/sodium';
import type { KeyAttributes } from '../vault/types';
import type { NewKek } from './new-kek';

const KEY_BYTES = 32;

/** What PUT /users/attributes takes: the unlock fields and the four of the recovery key. */
export interface FullKeyAttributes extends KeyAttributes {
  masterKeyEncryptedWithRecoveryKey: Base64;
  masterKeyDecryptionNonce: Base64;
  recoveryKeyEncryptedWithMasterKey: Base64;
  recoveryKeyDecryptionNonce: Base64;
}

export interface NewAccountKeys {
  masterKey: Uint8Array;
  recoveryKey: Uint8Array;
  keyAttributes: FullKeyAttributes;
}

export async function newAccountKeys({ kek, kekSalt, memLimit, opsLimit }: NewKek): Promise<NewAccountKeys> {
  const masterKey = await randomBytes(KEY_BYTES);
  const recoveryKey = await randomBytes(KEY_BYTES);
  const underKek = await secretbox(masterKey, kek);
  const underRecoveryKey = await secretbox(masterKey, recoveryKey);
  const recoveryUnderMaster = await secretbox(recoveryKey, masterKey);
  const { publicKey, privateKey } = await boxKeyPair();
  const secretKeyUnderMaster = await secretbox(privateKey, masterKey);
  await wipe(privateKey);
  return {
    masterKey,
    recoveryKey,
    keyAttributes: {
      kekSalt,
      encryptedKey: toBase64(underKek.ciphertext),
      keyDecryptionNonce: toBase64(underKek.nonce),
      publicKey: toBase64(publicKey),
      encryptedSecretKey: toBase64(secretKeyUnderMaster.ciphertext),
      secretKeyDecryptionNonce: toBase64(secretKeyUnderMaster.nonce),
      memLimit,
      opsLimit,
      masterKeyEncryptedWithRecoveryKey: toBase64(underRecoveryKey.ciphertext),
      masterKeyDecryptionNonce: toBase64(underRecoveryKey.nonce),
      recoveryKeyEncryptedWithMasterKey: toBase64(recoveryUnderMaster.ciphertext),
      recoveryKeyDecryptionNonce: toBase64(recoveryUnderMaster.nonce),
    },
  };
}

/** The KEK part of the attributes that a new password replaces (srp/update's updatedKeyAttr). */
export async function rewrapUnderNewKek(masterKey: Uint8Array, { kek, kekSalt, memLimit, opsLimit }: NewKek) {
  const { ciphertext, nonce } = await secretbox(masterKey, kek);
  return { kekSalt, encryptedKey: toBase64(ciphertext), keyDecryptionNonce: toBase64(nonce), memLimit, opsLimit };
}

export type UpdatedKek = Awaited<ReturnType<typeof rewrapUnderNewKek>>;
