package dev.keyhole.account;

import dev.keyhole.KeyholeProperties;
import dev.keyhole.account.internal.EmailCodeRepository;
import dev.keyhole.account.internal.EmailCodeRepository.ActiveCode;
import dev.keyhole.account.internal.Hashes;
import dev.keyhole.account.internal.ServerSecrets;
import dev.keyhole.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ente's emailed one-time codes: 6 digits, valid one hour, at most 10 active per email, and 20 wrong
 * tries lock the email until its active codes expire. Counters live in the database, shared by all nodes.
 */
@Service
class EmailCodeService {

    static final int ACTIVE_LIMIT = 10;
    static final int WRONG_ATTEMPT_LIMIT = 20;
    static final long VALIDITY_MICROS = 60L * 60 * 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(EmailCodeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Outcome {
        ACCEPTED,
        WRONG,
        NONE_ACTIVE,
        LOCKED
    }

    private final EmailCodeRepository codes;
    private final ServerSecrets secrets;
    private final CodeDelivery delivery;
    private final KeyholeProperties.Ott fixed;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EmailCodeService(
            EmailCodeRepository codes,
            ServerSecrets secrets,
            CodeDelivery delivery,
            KeyholeProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.delivery = delivery;
        this.fixed = properties.ott();
        this.transaction = transaction;
        this.clock = clock;
        if (fixed.fixedCodesEnabled()) {
            log.warn(
                    "Fixed verification codes are ON for every email ending in @{}: anyone can sign in to "
                            + "such accounts. Never use this outside tests.",
                    fixed.fixedDomain());
        }
    }

    void send(String email) {
        long now = EpochMicros.now(clock);
        if (codes.countActive(email, now) >= ACTIVE_LIMIT) {
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_CODES",
                    "Too many codes were sent to this email recently. Use one of them, or wait an hour.");
        }
        boolean isFixed = isFixed(email);
        String code = isFixed ? fixed.fixedCode() : "%06d".formatted(RANDOM.nextInt(1_000_000));
        String codeHash = hash(email, code);
        // One transaction: a code that could not be delivered is not stored (and does not count).
        transaction.executeWithoutResult(status -> {
            codes.insert(email, codeHash, now, now + VALIDITY_MICROS);
            if (isFixed) {
                log.info("Fixed verification code issued for {}", email);
            } else {
                delivery.deliver(email, code);
            }
        });
    }

    /** Checks a code; run inside the caller's transaction, which an accepted code is consumed in. */
    Outcome check(String email, String code) {
        long now = EpochMicros.now(clock);
        List<ActiveCode> active = codes.lockActive(email, now);
        if (active.isEmpty()) {
            return Outcome.NONE_ACTIVE;
        }
        if (active.stream().mapToInt(ActiveCode::wrongAttempts).max().orElse(0) >= WRONG_ATTEMPT_LIMIT) {
            return Outcome.LOCKED;
        }
        byte[] given = hash(email, code.trim()).getBytes(StandardCharsets.US_ASCII);
        for (ActiveCode candidate : active) {
            if (MessageDigest.isEqual(given, candidate.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                codes.delete(candidate.id());
                return Outcome.ACCEPTED;
            }
        }
        codes.recordWrongAttempt(email, now);
        return Outcome.WRONG;
    }

    static ApiException refusal(Outcome outcome) {
        return switch (outcome) {
            case WRONG -> new ApiException(HttpStatus.UNAUTHORIZED, "INCORRECT_CODE", "The code is not correct.");
            case NONE_ACTIVE ->
                new ApiException(
                        HttpStatus.GONE, "CODE_EXPIRED", "There is no valid code for this email. Ask for a new one.");
            case LOCKED ->
                new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "TOO_MANY_WRONG_ATTEMPTS",
                        "Too many wrong codes. Wait until the codes sent in the last hour have expired.");
            case ACCEPTED -> throw new IllegalArgumentException("an accepted code is no refusal");
        };
    }

    private boolean isFixed(String email) {
        return fixed.fixedCodesEnabled()
                && email.endsWith("@" + fixed.fixedDomain().trim().toLowerCase(Locale.ROOT));
    }

    // Keyed with a server secret: six digits alone would fall to a brute force of a leaked hash.
    private String hash(String email, String code) {
        return HexFormat.of().formatHex(Hashes.hmac(secrets.key("email-codes"), email, code));
    }
}
