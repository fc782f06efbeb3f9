package dev.keyhole.account;

import org.jspecify.annotations.Nullable;

/**
 * One signed-in client of an account, as the sessions lists show it. {@code id} is public: a token's
 * SHA-256 or a browser's random id, never a credential. Times are Ente's epoch microseconds.
 *
 * @param client a short name for people: the client package, or the browser and system
 */
public record AccountSession(
        String id,
        boolean browser,
        String client,
        @Nullable String userAgent,
        @Nullable String ip,
        long createdAt,
        long lastUsedAt) {}
