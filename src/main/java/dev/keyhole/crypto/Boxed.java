package dev.keyhole.crypto;

/** The output of {@link Sodium#secretbox}: Ente stores the ciphertext and the nonce as separate fields. */
public record Boxed(byte[] ciphertext, byte[] nonce) {}
