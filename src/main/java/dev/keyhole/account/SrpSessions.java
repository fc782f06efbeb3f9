package dev.keyhole.account;

import dev.keyhole.KeyholeProperties;
import dev.keyhole.account.internal.SrpSessionRepository;
import dev.keyhole.account.internal.SrpSessionRepository.SrpSession;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.api.RequestFields;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpException;
import dev.keyhole.crypto.SrpGroup;
import dev.keyhole.crypto.SrpServer;
import dev.keyhole.ratelimit.Limit;
import dev.keyhole.ratelimit.RateLimiter;
import dev.keyhole.web.ApiException;
import dev.keyhole.web.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * SRP-6a exchanges as Ente's server runs them, with its limits: 10 unverified sessions per hour (429), 5
 * wrong proofs per session (410), one successful proof per session (410 after). Unlike Ente, the hourly
 * limit counts per srpUserID <em>and client address</em>, so that a stranger's attempts use up only the
 * stranger's own allowance and never lock the owner out; a successful proof gives its session back.
 * Keyhole adds an expiry: a session is good for 10 minutes. Exchanges for unknown accounts run the same
 * way against a random verifier, so that no answer or timing tells whether an account exists.
 */
@Component
class SrpSessions {

    static final int MAX_WRONG_PROOFS = 5;
    static final long LIFETIME_MICROS = 10L * 60 * 1_000_000;
    private static final long HOUR_MICROS = 60L * 60 * 1_000_000;
    private static final String TOO_MANY =
            "Too many unfinished sign-ins for this account in the last hour. Try again later.";
    private static final long FORGET_AFTER_MICROS = 24 * HOUR_MICROS;

    record Started(UUID sessionId, byte[] publicB) {}

    private final SrpSessionRepository sessions;
    private final RateLimiter limiter;
    private final Limit unverifiedPerHour;
    private final Clock clock;

    SrpSessions(SrpSessionRepository sessions, RateLimiter limiter, KeyholeProperties properties, Clock clock) {
        this.sessions = sessions;
        this.limiter = limiter;
        this.unverifiedPerHour = Limit.perPeriod(
                "srp-sessions",
                properties.limits().perAccount().signInSessionsPerHour(),
                Duration.ofHours(1),
                "TOO_MANY_UNVERIFIED_SESSIONS",
                TOO_MANY);
        this.clock = clock;
    }

    /** Starts the exchange of a verifier proposal (a signed-in client's): limited per account alone, as Ente. */
    Started start(UUID srpUserId, byte[] verifier, byte[] publicA) {
        return start(srpUserId, verifier, publicA, "signed-in");
    }

    /**
     * Starts a sign-in exchange for a client address (a {@link ClientAddress} key); a null verifier (no such
     * account) is replaced by a random one. A degenerate A is refused first, so that it leaves no session
     * behind and uses up no allowance. The limit is then taken before any work, and exactly: concurrent
     * requests cannot open more sessions than it allows.
     */
    Started start(UUID srpUserId, byte @Nullable [] verifier, byte[] publicA, String clientKey) {
        refuseDegenerate(publicA);
        limiter.take(unverifiedPerHour, srpUserId.toString(), clientKey);
        long now = EpochMicros.now(clock);
        SrpServer.Challenge challenge = SrpServer.begin(verifier != null ? verifier : randomVerifier());
        UUID id = UUID.randomUUID();
        sessions.insert(
                id, srpUserId, encode(challenge.secretB()), encode(publicA), clientKey, now, now - FORGET_AFTER_MICROS);
        return new Started(id, challenge.publicB());
    }

    /**
     * Checks the client's proof M1 and returns the server's proof M2. Call outside a transaction: the try
     * is counted (and committed) before the proof is checked, so that concurrent requests cannot get more
     * tries than allowed. On success, {@link #markVerified} must follow in the caller's transaction.
     */
    byte[] verify(UUID sessionId, UUID srpUserId, byte @Nullable [] verifier, byte[] clientM1) {
        SrpSession session = sessions.find(sessionId)
                .filter(found -> found.srpUserId().equals(srpUserId))
                .orElseThrow(() -> new ApiException(
                        HttpStatus.UNAUTHORIZED,
                        "UNKNOWN_SESSION",
                        "There is no such sign-in session for this account."));
        if (EpochMicros.now(clock) - session.createdAt() > LIFETIME_MICROS) {
            throw new ApiException(HttpStatus.GONE, "SESSION_EXPIRED", "This sign-in session has expired.");
        }
        if (!sessions.claimAttempt(sessionId, MAX_WRONG_PROOFS)) {
            throw used(sessions.find(sessionId).map(SrpSession::verified).orElse(true));
        }
        Optional<byte[]> serverM2;
        try {
            serverM2 = SrpServer.verify(
                    verifier != null ? verifier : randomVerifier(),
                    decode(session.serverSecret()),
                    decode(session.srpA()),
                    clientM1);
        } catch (SrpException e) {
            throw RequestFields.invalid("srpA", "is not a valid SRP value");
        }
        if (serverM2.isEmpty() || verifier == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_PASSWORD", "The password is not correct.");
        }
        return serverM2.get();
    }

    private static void refuseDegenerate(byte[] publicA) {
        try {
            SrpServer.requireUsablePublicA(publicA);
        } catch (SrpException e) {
            throw RequestFields.invalid(
                    "srpA", "is not a valid SRP value (512 bytes, greater than 1 and less than N - 1)");
        }
    }

    /**
     * Uses up the session; a second success (a replay that raced the first) is refused. A verified session
     * is no longer an unverified one, so its address gets it back, as Ente counts only unverified sessions.
     */
    void markVerified(UUID sessionId) {
        if (!sessions.markVerified(sessionId)) {
            throw used(true);
        }
        sessions.find(sessionId)
                .ifPresent(session -> limiter.giveBack(
                        unverifiedPerHour,
                        session.srpUserId().toString(),
                        Objects.requireNonNullElse(session.clientKey(), "")));
    }

    private static ApiException used(boolean verified) {
        return verified
                ? new ApiException(
                        HttpStatus.GONE, "SESSION_ALREADY_VERIFIED", "This sign-in session was already used.")
                : new ApiException(
                        HttpStatus.GONE,
                        "TOO_MANY_WRONG_ATTEMPTS",
                        "Too many wrong passwords for this sign-in session. Start a new one.");
    }

    private static byte[] randomVerifier() {
        return Sodium.randomBytes(SrpGroup.N_BYTES);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
