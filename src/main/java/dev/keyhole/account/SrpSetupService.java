package dev.keyhole.account;

import static dev.keyhole.api.RequestFields.base64;
import static dev.keyhole.api.RequestFields.required;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.account.internal.SrpAuthRepository;
import dev.keyhole.account.internal.SrpSessionRepository;
import dev.keyhole.account.internal.SrpSessionRepository.SrpSetup;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.api.RequestFields;
import dev.keyhole.crypto.SrpException;
import dev.keyhole.crypto.SrpGroup;
import dev.keyhole.crypto.SrpServer;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting the SRP verifier: at sign-up ({@code setup} then {@code complete}) and on a password change
 * ({@code setup} then {@code update}, which also replaces the KEK-wrapped master key). The client proves
 * it knows the password behind the proposed verifier before the server adopts it.
 */
@Service
class SrpSetupService {

    record Started(UUID setupID, String srpB) {}

    record Completed(UUID setupID, String srpM2) {}

    /** The KEK part of the key attributes that a password change replaces. */
    record UpdatedKek(
            @Nullable String kekSalt,
            @Nullable String encryptedKey,
            @Nullable String keyDecryptionNonce,
            @Nullable Long memLimit,
            @Nullable Long opsLimit) {}

    private final SrpSessions sessions;
    private final SrpSessionRepository setups;
    private final SrpAuthRepository srpAuth;
    private final KeyAttributesRepository keyAttributes;
    private final AccountSessions accountSessions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SrpSetupService(
            SrpSessions sessions,
            SrpSessionRepository setups,
            SrpAuthRepository srpAuth,
            KeyAttributesRepository keyAttributes,
            AccountSessions accountSessions,
            TransactionTemplate transaction,
            Clock clock) {
        this.sessions = sessions;
        this.setups = setups;
        this.srpAuth = srpAuth;
        this.keyAttributes = keyAttributes;
        this.accountSessions = accountSessions;
        this.transaction = transaction;
        this.clock = clock;
    }

    Started setup(
            UserId user,
            @Nullable UUID srpUserId,
            @Nullable String srpSalt,
            @Nullable String srpVerifier,
            @Nullable String srpA) {
        UUID identity = required(srpUserId, "srpUserID");
        base64(srpSalt, "srpSalt", KeyAttributes.SALT_BYTES);
        byte[] verifier = base64(srpVerifier, "srpVerifier", 1, SrpGroup.N_BYTES);
        refuseDegenerate(verifier);
        byte[] publicA = base64(srpA, "srpA", SrpGroup.N_BYTES);
        refuseIdentityOfAnother(identity, user);
        SrpSessions.Started session = sessions.start(identity, verifier, publicA);
        SrpSetup setup = new SrpSetup(UUID.randomUUID(), session.sessionId(), identity, srpSalt, srpVerifier);
        setups.insertSetup(setup, user.value(), EpochMicros.now(clock));
        return new Started(setup.id(), Base64.getEncoder().encodeToString(session.publicB()));
    }

    Completed complete(UserId user, @Nullable UUID setupId, @Nullable String srpM1) {
        SrpSetup setup = find(user, setupId, srpM1);
        if (srpAuth.exists(user.value()) && keyAttributes.exists(user.value())) {
            throw ApiException.badRequest(
                    "SRP_ALREADY_SET", "This account already has a password; change it with /users/srp/update.");
        }
        byte[] serverM2 = verify(setup, srpM1);
        transaction.executeWithoutResult(status -> adopt(user, setup));
        return new Completed(setup.id(), Base64.getEncoder().encodeToString(serverM2));
    }

    Completed update(
            CurrentUser user,
            @Nullable UUID setupId,
            @Nullable String srpM1,
            @Nullable UpdatedKek kek,
            @Nullable Boolean logOutOtherDevices) {
        UpdatedKek updated = required(kek, "updatedKeyAttr");
        base64(updated.kekSalt(), "kekSalt", KeyAttributes.SALT_BYTES);
        base64(updated.encryptedKey(), "encryptedKey", KeyAttributes.WRAPPED_KEY_BYTES);
        base64(updated.keyDecryptionNonce(), "keyDecryptionNonce", KeyAttributes.NONCE_BYTES);
        KdfLimits.check(updated.memLimit(), updated.opsLimit());
        SrpSetup setup = find(user.userId(), setupId, srpM1);
        if (!keyAttributes.exists(user.userId().value())) {
            throw ApiException.badRequest("KEY_ATTRIBUTES_NOT_SET", "This account has no key attributes to update.");
        }
        byte[] serverM2 = verify(setup, srpM1);
        transaction.executeWithoutResult(status -> {
            adopt(user.userId(), setup);
            keyAttributes.updateKek(
                    user.userId().value(),
                    updated.kekSalt(),
                    updated.encryptedKey(),
                    updated.keyDecryptionNonce(),
                    updated.memLimit(),
                    updated.opsLimit(),
                    EpochMicros.now(clock));
            // Ente's default: a new password signs every other device out, browsers included.
            if (logOutOtherDevices == null || logOutOtherDevices) {
                accountSessions.endAllBut(user);
            }
        });
        return new Completed(setup.id(), Base64.getEncoder().encodeToString(serverM2));
    }

    private SrpSetup find(UserId user, @Nullable UUID setupId, @Nullable String srpM1) {
        base64(srpM1, "srpM1", SrpGroup.PROOF_BYTES);
        return setups.findSetupByIdAndUser(required(setupId, "setupID"), user.value())
                .orElseThrow(() -> ApiException.notFound("No such SRP setup."));
    }

    private byte[] verify(SrpSetup setup, @Nullable String srpM1) {
        return sessions.verify(
                setup.sessionId(), setup.srpUserId(), base64(setup.verifier(), "srpVerifier"), base64(srpM1, "srpM1"));
    }

    private void adopt(UserId user, SrpSetup setup) {
        sessions.markVerified(setup.sessionId());
        refuseIdentityOfAnother(setup.srpUserId(), user);
        srpAuth.save(user.value(), setup.srpUserId(), setup.salt(), setup.verifier(), EpochMicros.now(clock));
    }

    /** Checked before anything is stored: a verifier such as 0 would let anyone sign in with a made-up proof. */
    private static void refuseDegenerate(byte[] verifier) {
        try {
            SrpServer.requireUsableVerifier(verifier);
        } catch (SrpException e) {
            throw RequestFields.invalid(
                    "srpVerifier", "is not a valid SRP verifier (greater than 1 and less than N - 1)");
        }
    }

    private void refuseIdentityOfAnother(UUID srpUserId, UserId user) {
        if (srpAuth.isUsedByAnother(srpUserId, user.value())) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "SRP_USER_ID_TAKEN", "This srpUserID belongs to another account.");
        }
    }
}
