package dev.keyhole.passkey;

/**
 * The account's master key, secretbox-encrypted in the browser under a key derived from the passkey's PRF
 * output for {@code salt}. Standard base64. Only a browser holding the passkey can unwrap it.
 */
public record PrfWrappedKey(String salt, String wrappedKey, String nonce) {}
