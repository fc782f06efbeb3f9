// Wire shapes of the Ente API (docs/protocol.md §1, §4), as JSON delivers them. Binary
// fields are standard base64; the type says so, and fromBase64 checks it when the field is used.
import type { Base64 } from '../crypto/sodium';

/** The subset of an account's key attributes that the browser needs to unlock the vault. */
export interface KeyAttributes {
  kekSalt: Base64;
  encryptedKey: Base64;
  keyDecryptionNonce: Base64;
  publicKey: Base64;
  encryptedSecretKey: Base64;
  secretKeyDecryptionNonce: Base64;
  memLimit: number;
  opsLimit: number;
}

/** GET /authenticator/key. `header` is really the 24-byte secretbox nonce; Ente named it so. */
export interface WrappedAuthenticatorKey {
  encryptedKey: Base64;
  header: Base64;
}

/** One row of GET /authenticator/entity/diff. A tombstone has isDeleted and no data. */
export interface Entity {
  id: string;
  encryptedData: Base64 | null;
  header: Base64 | null;
  isDeleted: boolean;
  updatedAt: number;
}
