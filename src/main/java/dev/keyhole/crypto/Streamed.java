package dev.keyhole.crypto;

/** The output of {@link Sodium#secretstreamEncrypt}: Ente stores the ciphertext and the header separately. */
public record Streamed(byte[] ciphertext, byte[] header) {}
