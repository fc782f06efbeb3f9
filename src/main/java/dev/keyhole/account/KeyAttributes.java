package dev.keyhole.account;

import static dev.keyhole.api.RequestFields.base64;

import dev.keyhole.api.RequestFields;
import org.jspecify.annotations.Nullable;

/**
 * Ente's key attributes, as clients send and read them: everything a client needs to turn the password
 * into the master key, all of it encrypted or public. Binary fields are standard base64, kept as sent.
 * On the way out, absent optional fields are empty strings, as Ente's server writes them.
 */
public record KeyAttributes(
        @Nullable String kekSalt,
        @Nullable String kekHash,
        @Nullable String encryptedKey,
        @Nullable String keyDecryptionNonce,
        @Nullable String publicKey,
        @Nullable String encryptedSecretKey,
        @Nullable String secretKeyDecryptionNonce,
        @Nullable Long memLimit,
        @Nullable Long opsLimit,
        @Nullable String masterKeyEncryptedWithRecoveryKey,
        @Nullable String masterKeyDecryptionNonce,
        @Nullable String recoveryKeyEncryptedWithMasterKey,
        @Nullable String recoveryKeyDecryptionNonce) {

    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 24;
    static final int PUBLIC_KEY_BYTES = 32;
    /** A 32-byte key sealed by secretbox: the key plus a 16-byte MAC. */
    static final int WRAPPED_KEY_BYTES = 48;

    /** Checks every field (400 on the first bad one) and returns the attributes with "" read as absent. */
    KeyAttributes validated() {
        base64(kekSalt, "kekSalt", SALT_BYTES);
        base64(encryptedKey, "encryptedKey", WRAPPED_KEY_BYTES);
        base64(keyDecryptionNonce, "keyDecryptionNonce", NONCE_BYTES);
        base64(publicKey, "publicKey", PUBLIC_KEY_BYTES);
        base64(encryptedSecretKey, "encryptedSecretKey", WRAPPED_KEY_BYTES);
        base64(secretKeyDecryptionNonce, "secretKeyDecryptionNonce", NONCE_BYTES);
        KdfLimits.check(memLimit, opsLimit);
        String hash = absentIfEmpty(kekHash);
        if (hash != null && hash.length() > 512) {
            throw RequestFields.invalid("kekHash", "is too long");
        }
        String[] recovery = {
            absentIfEmpty(masterKeyEncryptedWithRecoveryKey),
            absentIfEmpty(masterKeyDecryptionNonce),
            absentIfEmpty(recoveryKeyEncryptedWithMasterKey),
            absentIfEmpty(recoveryKeyDecryptionNonce)
        };
        int present = 0;
        for (String field : recovery) {
            present += field == null ? 0 : 1;
        }
        if (present != 0 && present != recovery.length) {
            throw RequestFields.invalid(
                    "masterKeyEncryptedWithRecoveryKey", "and the other three recovery fields must be sent together");
        }
        if (present != 0) {
            base64(recovery[0], "masterKeyEncryptedWithRecoveryKey", WRAPPED_KEY_BYTES);
            base64(recovery[1], "masterKeyDecryptionNonce", NONCE_BYTES);
            base64(recovery[2], "recoveryKeyEncryptedWithMasterKey", WRAPPED_KEY_BYTES);
            base64(recovery[3], "recoveryKeyDecryptionNonce", NONCE_BYTES);
        }
        return new KeyAttributes(
                kekSalt,
                hash,
                encryptedKey,
                keyDecryptionNonce,
                publicKey,
                encryptedSecretKey,
                secretKeyDecryptionNonce,
                memLimit,
                opsLimit,
                recovery[0],
                recovery[1],
                recovery[2],
                recovery[3]);
    }

    private static @Nullable String absentIfEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
