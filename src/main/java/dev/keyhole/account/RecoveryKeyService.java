package dev.keyhole.account;

import static dev.keyhole.api.RequestFields.base64;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Ente's {@code PUT /users/recovery-key}: an account whose sign-up left the recovery key out gets one, once.
 * As on Ente's server a recovery key, once set, is never replaced: a stolen token must not be able to swap
 * the way back into the account. The server stores the four values as sent and can open none of them.
 */
@Service
class RecoveryKeyService {

    record RecoveryKeyAttributes(
            @Nullable String masterKeyEncryptedWithRecoveryKey,
            @Nullable String masterKeyDecryptionNonce,
            @Nullable String recoveryKeyEncryptedWithMasterKey,
            @Nullable String recoveryKeyDecryptionNonce) {}

    private final KeyAttributesRepository keyAttributes;
    private final Clock clock;

    RecoveryKeyService(KeyAttributesRepository keyAttributes, Clock clock) {
        this.keyAttributes = keyAttributes;
        this.clock = clock;
    }

    void set(UserId user, RecoveryKeyAttributes request) {
        base64(
                request.masterKeyEncryptedWithRecoveryKey(),
                "masterKeyEncryptedWithRecoveryKey",
                KeyAttributes.WRAPPED_KEY_BYTES);
        base64(request.masterKeyDecryptionNonce(), "masterKeyDecryptionNonce", KeyAttributes.NONCE_BYTES);
        base64(
                request.recoveryKeyEncryptedWithMasterKey(),
                "recoveryKeyEncryptedWithMasterKey",
                KeyAttributes.WRAPPED_KEY_BYTES);
        base64(request.recoveryKeyDecryptionNonce(), "recoveryKeyDecryptionNonce", KeyAttributes.NONCE_BYTES);
        if (!keyAttributes.exists(user.value())) {
            throw ApiException.badRequest("KEY_ATTRIBUTES_NOT_SET", "This account has no key attributes yet.");
        }
        boolean set = keyAttributes.setRecoveryIfAbsent(
                user.value(),
                request.masterKeyEncryptedWithRecoveryKey(),
                request.masterKeyDecryptionNonce(),
                request.recoveryKeyEncryptedWithMasterKey(),
                request.recoveryKeyDecryptionNonce(),
                EpochMicros.now(clock));
        if (!set) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "RECOVERY_KEY_ALREADY_SET", "This account already has a recovery key.");
        }
    }
}
