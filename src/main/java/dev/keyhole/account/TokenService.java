package dev.keyhole.account;

import dev.keyhole.account.internal.TokenRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Ente auth tokens: 32 random bytes, URL-safe base64 with padding on the wire, stored only as their
 * SHA-256 so that a copy of the database signs nobody in. A token is valid until it is revoked.
 */
@Service
class TokenService {

    static final int TOKEN_BYTES = 32;
    /** Last-used times are kept to the minute: finer would turn every authenticated read into a write. */
    private static final long TOUCH_GRANULARITY_MICROS = 60_000_000L;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly issued token: the raw bytes (to seal for the client) and their wire form. */
    record IssuedToken(byte[] raw, String urlSafe) {}

    private final TokenRepository tokens;
    private final Clock clock;

    TokenService(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    IssuedToken issue(UserId user, ClientInfo client) {
        byte[] raw = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(raw);
        tokens.insert(
                Sha256.hex(raw),
                user.value(),
                client.clientPackage(),
                client.userAgent(),
                client.ip(),
                EpochMicros.now(clock));
        return new IssuedToken(raw, Base64.getUrlEncoder().encodeToString(raw));
    }

    Optional<CurrentUser> authenticate(String token) {
        Optional<String> hash = hashOf(token);
        Optional<CurrentUser> user =
                hash.flatMap(tokens::findUserId).map(id -> new CurrentUser(new UserId(id), hash.get()));
        user.ifPresent(found -> tokens.touch(found.sessionId(), EpochMicros.now(clock), TOUCH_GRANULARITY_MICROS));
        return user;
    }

    List<TokenRepository.Session> sessions(UserId user) {
        return tokens.findByUser(user.value());
    }

    /**
     * Ends one of the user's sessions, named by its public id (what the sessions list shows) or, as Ente's
     * clients may send, by the token itself. Like Ente's server (server/pkg/controller/user/userauth.go
     * {@code TerminateSession}), ending a session that is gone, or another user's, is a quiet no-op: Ente's
     * sessions page reports any error as "something went wrong" although the session is gone either way,
     * and a uniform answer tells the caller nothing about other accounts.
     */
    void revoke(UserId user, String sessionIdOrToken) {
        String hash = isSessionId(sessionIdOrToken)
                ? sessionIdOrToken
                : hashOf(sessionIdOrToken).orElse("");
        tokens.delete(hash, user.value());
    }

    void revokeAllBut(CurrentUser keep) {
        tokens.deleteAllBut(keep.userId().value(), keep.sessionId());
    }

    /** A session id is the lower-case hex SHA-256 (64 characters); a token is 44 base64 characters. */
    private static boolean isSessionId(String value) {
        return value.length() == 64 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static Optional<String> hashOf(String token) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            return raw.length == TOKEN_BYTES ? Optional.of(Sha256.hex(raw)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
