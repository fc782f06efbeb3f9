package dev.keyhole.cli.keys;

/** A key derived from a password, with what it takes to derive it again. */
public record DerivedKey(byte[] key, byte[] salt, long memLimit, long opsLimit) {}
