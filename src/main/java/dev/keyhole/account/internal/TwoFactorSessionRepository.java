package dev.keyhole.account.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-ins held for a TOTP code, by the hash of their twoFactorSessionID. */
@Repository
public class TwoFactorSessionRepository {

    public record Held(long userId, int wrongAttempts) {}

    private final JdbcClient jdbc;

    TwoFactorSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds a sign-in, and forgets every expired one (of any account). */
    public void insert(String sessionHash, long userId, long now, long expiresAt) {
        jdbc.sql("DELETE FROM two_factor_sessions WHERE expires_at <= ?")
                .param(now)
                .update();
        jdbc.sql("INSERT INTO two_factor_sessions (session_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(sessionHash, userId, now, expiresAt)
                .update();
    }

    /** A live, unused session, row-locked until the transaction ends so that attempts count exactly. */
    public Optional<Held> lockLive(String sessionHash, long now) {
        return jdbc.sql("SELECT user_id, wrong_attempts FROM two_factor_sessions "
                        + "WHERE session_hash = ? AND expires_at > ? AND used_at IS NULL FOR UPDATE")
                .params(sessionHash, now)
                .query((rs, row) -> new Held(rs.getLong(1), rs.getInt(2)))
                .optional();
    }

    /** Whose live, unused session this is, without locking it (for the recovery's read-only first step). */
    public Optional<Long> findLiveUser(String sessionHash, long now) {
        return jdbc.sql("SELECT user_id FROM two_factor_sessions "
                        + "WHERE session_hash = ? AND expires_at > ? AND used_at IS NULL")
                .params(sessionHash, now)
                .query(Long.class)
                .optional();
    }

    public void recordWrongAttempt(String sessionHash) {
        jdbc.sql("UPDATE two_factor_sessions SET wrong_attempts = wrong_attempts + 1 WHERE session_hash = ?")
                .param(sessionHash)
                .update();
    }

    /** A session signs in once: used, it is no longer live. */
    public void markUsed(String sessionHash, long now) {
        jdbc.sql("UPDATE two_factor_sessions SET used_at = ? WHERE session_hash = ?")
                .params(now, sessionHash)
                .update();
    }
}
