package dev.keyhole.vault;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account's authenticator key, secretbox-wrapped under the master key. {@code header} is what Ente
 * calls the 24-byte secretbox nonce. Both stay as the client sent them.
 */
public record AuthenticatorKey(
        @JsonProperty("userID") long userId, String encryptedKey, String header, long createdAt) {}
