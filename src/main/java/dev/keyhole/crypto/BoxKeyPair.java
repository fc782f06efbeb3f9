package dev.keyhole.crypto;

/** An X25519 key pair for sealed boxes; Ente calls the secret key {@code secretKey} on the wire. */
public record BoxKeyPair(byte[] publicKey, byte[] secretKey) {}
