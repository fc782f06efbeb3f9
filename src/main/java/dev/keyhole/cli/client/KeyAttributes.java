package dev.keyhole.cli.client;

import org.jspecify.annotations.Nullable;

/**
 * An account's wrapped keys, as the server stores them (docs/protocol.md §1). Every value is ciphertext,
 * a nonce, a salt or a public key (standard base64), so this may be kept in the config file.
 */
public record KeyAttributes(
        String kekSalt,
        String encryptedKey,
        String keyDecryptionNonce,
        String publicKey,
        String encryptedSecretKey,
        String secretKeyDecryptionNonce,
        long memLimit,
        long opsLimit,
        @Nullable String masterKeyEncryptedWithRecoveryKey,
        @Nullable String masterKeyDecryptionNonce,
        @Nullable String recoveryKeyEncryptedWithMasterKey,
        @Nullable String recoveryKeyDecryptionNonce) {}
