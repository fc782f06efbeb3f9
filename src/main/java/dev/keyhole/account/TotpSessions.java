package dev.keyhole.account;

import dev.keyhole.account.internal.TwoFactorRepository;
import dev.keyhole.account.internal.TwoFactorSessionRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.crypto.Sodium;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Holds a sign-in that passed its password or emailed code for the account's TOTP code, under Ente's
 * twoFactorSessionID: 32 random bytes, URL-safe base64, valid 10 minutes. Only the id's hash is stored.
 */
@Component
class TotpSessions {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int ID_BYTES = 32;

    private final TwoFactorRepository totp;
    private final TwoFactorSessionRepository sessions;
    private final Clock clock;

    TotpSessions(TwoFactorRepository totp, TwoFactorSessionRepository sessions, Clock clock) {
        this.totp = totp;
        this.sessions = sessions;
        this.clock = clock;
    }

    boolean requiredFor(UserId user) {
        return totp.isEnabled(user.value());
    }

    /** Called inside the sign-in's transaction: a sign-in that fails after this leaves nothing held. */
    String hold(UserId user) {
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(Sodium.randomBytes(ID_BYTES));
        long now = EpochMicros.now(clock);
        sessions.insert(hash(sessionId), user.value(), now, now + LIFETIME.toNanos() / 1_000);
        return sessionId;
    }

    static String hash(String sessionId) {
        return Sha256.hex(sessionId.getBytes(StandardCharsets.UTF_8));
    }
}
