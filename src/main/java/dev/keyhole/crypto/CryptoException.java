package dev.keyhole.crypto;

/**
 * A libsodium operation failed: wrong key, tampered data or malformed input. The message names the
 * operation only, because callers may log it and the inputs are secrets.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String operation) {
        super(operation + " failed");
    }
}
