package dev.keyhole.passkey;

import org.jspecify.annotations.Nullable;

/** A registered passkey as its owner sees it in the list; times are epoch microseconds. */
public record Passkey(
        String id, String name, long createdAt, @Nullable Long lastUsedAt, boolean unlocksVault) {}
