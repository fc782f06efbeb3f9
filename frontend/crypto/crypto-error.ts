/** A cryptographic operation failed. Messages are fixed strings: never key bytes, never plaintext. */
export class CryptoError extends Error {
  override name = 'CryptoError';
}
