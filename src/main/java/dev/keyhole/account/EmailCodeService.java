package dev.keyhole.account;

import dev.keyhole.KeyholeProperties;
import dev.keyhole.account.internal.EmailCodeRepository;
import dev.keyhole.account.internal.EmailCodeRepository.ActiveCode;
import dev.keyhole.account.internal.ServerSecrets;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.ratelimit.Limit;
import dev.keyhole.ratelimit.RateLimitedException;
import dev.keyhole.ratelimit.RateLimiter;
import dev.keyhole.web.ApiException;
import dev.keyhole.web.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ente's emailed one-time codes: 6 digits, valid one hour, at most 10 an hour, and 20 wrong tries lock
 * the codes until they expire. Unlike Ente, each code belongs to the email <em>and the client address</em>
 * that asked for it: a stranger who asks for codes for someone else's email, or guesses them, uses up only
 * the stranger's own allowance, and guesses only against codes sent at the stranger's request. Counters
 * live in the database, shared by all nodes, and are exact under concurrent requests.
 */
@Service
class EmailCodeService {

    static final int WRONG_ATTEMPT_LIMIT = 20;
    static final long VALIDITY_MICROS = 60L * 60 * 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(EmailCodeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Outcome {
        ACCEPTED,
        WRONG,
        NONE_ACTIVE
    }

    private final EmailCodeRepository codes;
    private final ServerSecrets secrets;
    private final CodeDelivery delivery;
    private final KeyholeProperties.Ott fixed;
    private final RateLimiter limiter;
    private final Limit sentPerHour;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EmailCodeService(
            EmailCodeRepository codes,
            ServerSecrets secrets,
            CodeDelivery delivery,
            KeyholeProperties properties,
            RateLimiter limiter,
            TransactionTemplate transaction,
            Clock clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.delivery = delivery;
        this.fixed = properties.ott();
        this.limiter = limiter;
        this.sentPerHour = Limit.perPeriod(
                "email-codes",
                properties.limits().perAccount().emailedCodesPerHour(),
                Duration.ofMillis(VALIDITY_MICROS / 1_000),
                "TOO_MANY_CODES",
                "Too many codes were sent to this email recently. Use one of them, or wait an hour.");
        this.transaction = transaction;
        this.clock = clock;
        if (fixed.fixedCodesEnabled()) {
            log.warn(
                    "Fixed verification codes are ON for every email ending in @{}: anyone can sign in to "
                            + "such accounts. Never use this outside tests.",
                    fixed.fixedDomain());
        }
    }

    /** Sends a code to {@code email} for the client at {@code clientKey} (a {@link ClientAddress} key). */
    void send(String email, String clientKey) {
        send(email, clientKey, true);
    }

    /**
     * As {@link #send(String, String)}; {@code fixedAllowed} false sends a real code even to the fixed test
     * domain, as Ente's server does for a change of email (its {@code SendEmailOTT} skips hard-coded codes
     * for the purpose "change"): a new address must be proven by its mailbox.
     */
    void send(String email, String clientKey, boolean fixedAllowed) {
        limiter.take(sentPerHour, email, clientKey);
        long now = EpochMicros.now(clock);
        boolean isFixed = fixedAllowed && isFixed(email);
        String code = isFixed ? fixed.fixedCode() : "%06d".formatted(RANDOM.nextInt(1_000_000));
        String codeHash = hash(email, code);
        // One transaction: a code that could not be delivered is not stored (and gives its count back).
        try {
            transaction.executeWithoutResult(status -> {
                codes.insert(email, clientKey, codeHash, now, now + VALIDITY_MICROS);
                if (isFixed) {
                    log.info("Fixed verification code issued for {}", email);
                } else {
                    delivery.deliver(email, code);
                }
            });
        } catch (RuntimeException e) {
            limiter.giveBack(sentPerHour, email, clientKey);
            throw e;
        }
    }

    /**
     * Checks a code against those sent for this client address; run inside the caller's transaction, which
     * an accepted code is consumed in. Locked codes are refused (429) without counting the try.
     */
    Outcome check(String email, String code, String clientKey) {
        long now = EpochMicros.now(clock);
        List<ActiveCode> active = codes.lockActive(email, clientKey, now);
        if (active.isEmpty()) {
            return Outcome.NONE_ACTIVE;
        }
        if (active.stream().mapToInt(ActiveCode::wrongAttempts).max().orElse(0) >= WRONG_ATTEMPT_LIMIT) {
            long lastExpiry =
                    active.stream().mapToLong(ActiveCode::expiresAt).max().orElse(now);
            throw new RateLimitedException(
                    "TOO_MANY_WRONG_ATTEMPTS",
                    "Too many wrong codes. Wait until the codes sent in the last hour have expired.",
                    Duration.ofNanos((lastExpiry - now) * 1_000));
        }
        byte[] given = hash(email, code.trim()).getBytes(StandardCharsets.US_ASCII);
        for (ActiveCode candidate : active) {
            if (MessageDigest.isEqual(given, candidate.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                codes.delete(candidate.id());
                return Outcome.ACCEPTED;
            }
        }
        codes.recordWrongAttempt(email, clientKey, now);
        return Outcome.WRONG;
    }

    /** A code was used to sign in (committed): it is no longer active, so it no longer counts, as Ente. */
    void used(String email, String clientKey) {
        limiter.giveBack(sentPerHour, email, clientKey);
    }

    static ApiException refusal(Outcome outcome) {
        return switch (outcome) {
            case WRONG -> new ApiException(HttpStatus.UNAUTHORIZED, "INCORRECT_CODE", "The code is not correct.");
            case NONE_ACTIVE ->
                new ApiException(
                        HttpStatus.GONE, "CODE_EXPIRED", "There is no valid code for this email. Ask for a new one.");
            case ACCEPTED -> throw new IllegalArgumentException("an accepted code is no refusal");
        };
    }

    private boolean isFixed(String email) {
        return fixed.fixedCodesEnabled()
                && email.endsWith("@" + fixed.fixedDomain().trim().toLowerCase(Locale.ROOT));
    }

    // Keyed with a server secret: six digits alone would fall to a brute force of a leaked hash.
    private String hash(String email, String code) {
        return HexFormat.of().formatHex(Sha256.hmac(secrets.key("email-codes"), email, code));
    }
}
