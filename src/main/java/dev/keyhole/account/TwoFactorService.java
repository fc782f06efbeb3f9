package dev.keyhole.account;

import static dev.keyhole.api.RequestFields.base64;
import static dev.keyhole.api.RequestFields.required;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.account.internal.TwoFactorRepository;
import dev.keyhole.account.internal.TwoFactorRepository.RecoveryCopy;
import dev.keyhole.account.internal.TwoFactorRepository.Setup;
import dev.keyhole.account.internal.TwoFactorRepository.Totp;
import dev.keyhole.account.internal.TwoFactorSessionRepository;
import dev.keyhole.account.internal.TwoFactorSessionRepository.Held;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.otp.Base32;
import dev.keyhole.ratelimit.RateLimitedException;
import dev.keyhole.web.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ente's TOTP second factor (server/pkg/controller/user/twofactor.go): setup hands out a new seed, enable
 * confirms it with a first code and the client's recovery copy, and a sign-in held by {@link TotpSessions}
 * ends with verify (a code) or remove (the seed, opened by the client with the recovery key). Codes are
 * checked one step either side of now, each is accepted once, and a session allows 10 wrong tries (ADR 0014).
 */
@Service
class TwoFactorService {

    static final String ISSUER = "Keyhole";
    static final int WRONG_ATTEMPT_LIMIT = 10;
    static final Duration SETUP_LIFETIME = Duration.ofMinutes(10);
    private static final int SEED_BYTES = 20;
    private static final int NONCE_BYTES = 24;
    private static final int MAX_RECOVERY_COPY_BYTES = 128;

    record Secret(String secretCode, String qrCode) {}

    record Recovery(String encryptedSecret, String secretDecryptionNonce) {}

    private final TwoFactorRepository totp;
    private final TwoFactorSessionRepository sessions;
    private final UserRepository users;
    private final KeyAttributesRepository keyAttributes;
    private final TotpSeedCipher cipher;
    private final SignIn signIn;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TwoFactorService(
            TwoFactorRepository totp,
            TwoFactorSessionRepository sessions,
            UserRepository users,
            KeyAttributesRepository keyAttributes,
            TotpSeedCipher cipher,
            SignIn signIn,
            TransactionTemplate transaction,
            Clock clock) {
        this.totp = totp;
        this.sessions = sessions;
        this.users = users;
        this.keyAttributes = keyAttributes;
        this.cipher = cipher;
        this.signIn = signIn;
        this.transaction = transaction;
        this.clock = clock;
    }

    Secret setup(UserId user) {
        if (!keyAttributes.exists(user.value())) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "NO_KEYS", "This account has no keys yet; finish signing up first.");
        }
        String seed = Base32.encode(Sodium.randomBytes(SEED_BYTES));
        long now = EpochMicros.now(clock);
        totp.insertSetup(user.value(), cipher.seal(user, seed), now, now + SETUP_LIFETIME.toNanos() / 1_000);
        String email = users.findEmail(user.value()).orElseThrow();
        String label =
                URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        String uri =
                "otpauth://totp/" + label + "?algorithm=SHA1&digits=6&issuer=" + ISSUER + "&period=30&secret=" + seed;
        return new Secret(seed, TotpQrCode.pngBase64(uri));
    }

    /** The first code of a seed from setup turns it on, with the client's recovery copy of it. */
    void enable(UserId user, @Nullable String code, @Nullable String encryptedSecret, @Nullable String secretNonce) {
        String given = required(code, "code");
        // A secretbox of a 32-character seed is 40 to 48 bytes; 128 fits the column whatever the client encodes.
        base64(encryptedSecret, "encryptedTwoFactorSecret", 1, MAX_RECOVERY_COPY_BYTES);
        base64(secretNonce, "twoFactorSecretDecryptionNonce", NONCE_BYTES);
        RecoveryCopy recovery =
                new RecoveryCopy(Objects.requireNonNull(encryptedSecret), Objects.requireNonNull(secretNonce));
        committingRefusals(() -> {
            long now = EpochMicros.now(clock);
            List<Setup> setups = totp.lockSetups(user.value(), now);
            if (setups.stream().anyMatch(setup -> setup.wrongAttempts() >= WRONG_ATTEMPT_LIMIT)) {
                throw tooManyWrongCodes("Too many wrong codes. Start the two-factor setup again.");
            }
            for (Setup setup : setups) {
                String seed = cipher.open(user, setup.encryptedSecret());
                long step = TotpCheck.matchingStep(seed, given, clock.instant());
                if (step >= 0) {
                    totp.enable(user.value(), setup.encryptedSecret(), cipher.hash(user, seed), recovery, step, now);
                    totp.deleteSetups(user.value());
                    return Boolean.TRUE;
                }
            }
            totp.recordWrongSetupAttempt(user.value(), now);
            throw incorrectCode();
        });
    }

    boolean enabled(UserId user) {
        return totp.isEnabled(user.value());
    }

    void disable(UserId user) {
        totp.disable(user.value(), EpochMicros.now(clock));
    }

    /** A code for a held sign-in: the sealed token, once. */
    SealedSignIn verify(@Nullable String sessionId, @Nullable String code, ClientInfo client) {
        String key = TotpSessions.hash(required(sessionId, "sessionID"));
        String given = required(code, "code");
        return committingRefusals(() -> {
            long now = EpochMicros.now(clock);
            Held held = live(key, now);
            UserId user = new UserId(held.userId());
            Totp factor = totp.lock(user.value()).filter(Totp::enabled).orElseThrow(TwoFactorService::notEnabled);
            long step = TotpCheck.matchingStep(cipher.open(user, factor.encryptedSecret()), given, clock.instant());
            // A code seen once (or one older than the newest used) is refused like a wrong one: RFC 6238 §5.2.
            if (step < 0 || !totp.useStep(user.value(), step, now)) {
                sessions.recordWrongAttempt(key);
                throw incorrectCode();
            }
            sessions.markUsed(key, now);
            return signIn.afterSecondFactor(user, client, "TOTP code");
        });
    }

    /** Ente's first recovery step: the seed as the client encrypted it with the account's recovery key. */
    Recovery recover(@Nullable String sessionId, @Nullable String type) {
        refusePasskeyRecovery(type);
        long userId = sessions.findLiveUser(TotpSessions.hash(required(sessionId, "sessionID")), EpochMicros.now(clock))
                .orElseThrow(TwoFactorService::sessionExpired);
        RecoveryCopy copy = totp.recoveryCopy(userId).orElseThrow(TwoFactorService::notEnabled);
        return new Recovery(copy.encryptedSecret(), copy.nonce());
    }

    /** The seed, opened by the client with the recovery key: turns the second factor off and signs in. */
    SealedSignIn remove(@Nullable String sessionId, @Nullable String secret, @Nullable String type, ClientInfo client) {
        refusePasskeyRecovery(type);
        String key = TotpSessions.hash(required(sessionId, "sessionID"));
        String given = required(secret, "secret");
        return committingRefusals(() -> {
            long now = EpochMicros.now(clock);
            Held held = live(key, now);
            UserId user = new UserId(held.userId());
            Totp factor = totp.lock(user.value()).filter(Totp::enabled).orElseThrow(TwoFactorService::notEnabled);
            if (!cipher.matches(user, given, factor.secretHash())) {
                sessions.recordWrongAttempt(key);
                throw new ApiException(
                        HttpStatus.FORBIDDEN, "INCORRECT_RECOVERY_SECRET", "The recovery key does not fit.");
            }
            totp.disable(user.value(), now);
            sessions.markUsed(key, now);
            return signIn.afterSecondFactor(user, client, "TOTP recovery");
        });
    }

    private Held live(String key, long now) {
        Held held = sessions.lockLive(key, now).orElseThrow(TwoFactorService::sessionExpired);
        if (held.wrongAttempts() >= WRONG_ATTEMPT_LIMIT) {
            throw tooManyWrongCodes("Too many wrong codes. Sign in again with your password.");
        }
        return held;
    }

    /**
     * Runs {@code work} in one transaction that commits even when it refuses (so that a wrong try is
     * counted), then throws the refusal. Refusals are thrown before anything but the count was written.
     */
    private <T> T committingRefusals(Supplier<T> work) {
        Attempt<T> attempt = Objects.requireNonNull(transaction.execute(status -> {
            try {
                return new Attempt<T>(work.get(), null);
            } catch (ApiException refused) {
                return new Attempt<T>(null, refused);
            }
        }));
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        return Objects.requireNonNull(attempt.value());
    }

    private record Attempt<T>(@Nullable T value, @Nullable ApiException refusal) {}

    /**
     * Keyhole's passkeys have no recovery secret (Ente's passkeys/configure-recovery): said as Ente's server
     * says it for an account that never configured one.
     */
    private static void refusePasskeyRecovery(@Nullable String type) {
        if ("passkey".equals(type)) {
            throw ApiException.badRequest("PASSKEY_RESET_NOT_CONFIGURED", "Passkey reset is not configured");
        }
    }

    private static ApiException incorrectCode() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INCORRECT_CODE", "The code is not correct.");
    }

    private static ApiException tooManyWrongCodes(String message) {
        return new RateLimitedException("TOO_MANY_WRONG_ATTEMPTS", message, TotpSessions.LIFETIME);
    }

    /** 404, as Ente answers an unknown or expired twoFactorSessionID (its web app then starts over). */
    private static ApiException sessionExpired() {
        return new ApiException(
                HttpStatus.NOT_FOUND,
                "TWO_FACTOR_SESSION_EXPIRED",
                "This sign-in is no longer waiting for a code. Sign in again with your password.");
    }

    private static ApiException notEnabled() {
        return ApiException.badRequest("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is not on.");
    }
}
