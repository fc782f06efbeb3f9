package dev.keyhole.account;

import dev.keyhole.account.internal.AccountErasure;
import dev.keyhole.account.internal.DeleteChallengeRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ente's self-service account deletion: a challenge sealed to the account's public key, which only a client
 * that opened the account's keys can read and send back, and then everything of the account is removed.
 * The server seals; it never opens anything.
 */
@Service
class AccountDeletionService {

    /** As long as Ente's delete challenge (a JWT valid for a day). */
    static final Duration CHALLENGE_LIFETIME = Duration.ofDays(1);

    private static final int CHALLENGE_BYTES = 32;

    record Challenge(boolean allowDelete, String encryptedChallenge) {}

    private final DeleteChallengeRepository challenges;
    private final AccountErasure erasure;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountDeletionService(
            DeleteChallengeRepository challenges,
            AccountErasure erasure,
            AccountService accounts,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.challenges = challenges;
        this.erasure = erasure;
        this.accounts = accounts;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    Challenge challenge(UserId user) {
        KeyAttributes attributes = accounts.keyAttributes(user)
                .orElseThrow(() -> ApiException.badRequest(
                        "KEY_ATTRIBUTES_NOT_SET", "This account has no keys to seal a challenge to."));
        // Text, as Ente's clients decode the opened box as UTF-8 and send that string back.
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Sodium.randomBytes(CHALLENGE_BYTES));
        long expiresAt = EpochMicros.of(clock.instant().plus(CHALLENGE_LIFETIME));
        challenges.replace(user.value(), hashOf(challenge), expiresAt);
        byte[] sealed = Sodium.sealedBoxSeal(
                challenge.getBytes(StandardCharsets.US_ASCII),
                Base64.getDecoder().decode(attributes.publicKey()));
        return new Challenge(true, Base64.getEncoder().encodeToString(sealed));
    }

    /** Removes the account if the challenge is its open one; otherwise 403 and nothing changes. */
    void delete(UserId user, @Nullable String challenge) {
        if (challenge == null || challenge.isEmpty() || challenge.length() > 256) {
            throw refused();
        }
        boolean deleted = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!challenges.take(user.value(), hashOf(challenge), EpochMicros.now(clock))) {
                return false;
            }
            erasure.erase(user.value());
            return true;
        }));
        if (!deleted) {
            throw refused();
        }
        events.publishEvent(new AccountDeleted(user));
    }

    private static String hashOf(String challenge) {
        return Sha256.hex(challenge.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException refused() {
        return new ApiException(
                HttpStatus.FORBIDDEN,
                "INVALID_DELETE_CHALLENGE",
                "The deletion challenge is wrong, used or expired; ask for a new one.");
    }
}
