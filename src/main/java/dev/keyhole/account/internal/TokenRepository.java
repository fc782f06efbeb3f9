package dev.keyhole.account.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Auth tokens by the hex SHA-256 of their raw bytes; the raw token is never stored. */
@Repository
public class TokenRepository {

    public record Session(
            String tokenHash,
            @Nullable String clientPackage,
            @Nullable String userAgent,
            @Nullable String ip,
            long createdAt,
            long lastUsedAt) {}

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            String tokenHash,
            long userId,
            @Nullable String clientPackage,
            @Nullable String userAgent,
            @Nullable String ip,
            long now) {
        jdbc.sql("""
                INSERT INTO tokens (token_hash, user_id, client_package, user_agent, ip, created_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, userId, clientPackage, userAgent, ip, now, now)
                .update();
    }

    public Optional<Long> findUserId(String tokenHash) {
        return jdbc.sql("SELECT user_id FROM tokens WHERE token_hash = ?")
                .param(tokenHash)
                .query(Long.class)
                .optional();
    }

    /** Records a use, at most once per {@code granularity} µs so that reads do not turn into writes. */
    public void touch(String tokenHash, long now, long granularity) {
        jdbc.sql("UPDATE tokens SET last_used_at = ? WHERE token_hash = ? AND last_used_at < ?")
                .params(now, tokenHash, now - granularity)
                .update();
    }

    public boolean delete(String tokenHash, long userId) {
        return jdbc.sql("DELETE FROM tokens WHERE token_hash = ? AND user_id = ?")
                        .params(tokenHash, userId)
                        .update()
                == 1;
    }

    public void deleteAllBut(long userId, String keptTokenHash) {
        jdbc.sql("DELETE FROM tokens WHERE user_id = ? AND token_hash <> ?")
                .params(userId, keptTokenHash)
                .update();
    }

    public List<Session> findByUser(long userId) {
        return jdbc.sql("""
                SELECT token_hash, client_package, user_agent, ip, created_at, last_used_at FROM tokens
                WHERE user_id = ? ORDER BY last_used_at DESC, created_at DESC""")
                .param(userId)
                .query((rs, row) -> new Session(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }
}
