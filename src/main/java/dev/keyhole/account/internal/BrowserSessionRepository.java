package dev.keyhole.account.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The viewer's signed-in browsers by their random id; times are Ente's epoch microseconds. */
@Repository
public class BrowserSessionRepository {

    public record Row(
            String id, @Nullable String userAgent, @Nullable String ip, long createdAt, long lastUsedAt) {}

    private final JdbcClient jdbc;

    BrowserSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, long userId, @Nullable String userAgent, @Nullable String ip, long now) {
        jdbc.sql("""
                INSERT INTO browser_sessions (id, user_id, user_agent, ip, created_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, userId, userAgent, ip, now, now).update();
    }

    public Optional<Long> findUserId(String id) {
        return jdbc.sql("SELECT user_id FROM browser_sessions WHERE id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /** Records a use, at most once per {@code granularity} µs so that page loads do not turn into writes. */
    public void touch(String id, long now, long granularity) {
        jdbc.sql("UPDATE browser_sessions SET last_used_at = ? WHERE id = ? AND last_used_at < ?")
                .params(now, id, now - granularity)
                .update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM browser_sessions WHERE id = ?").param(id).update();
    }

    public boolean delete(String id, long userId) {
        return jdbc.sql("DELETE FROM browser_sessions WHERE id = ? AND user_id = ?")
                        .params(id, userId)
                        .update()
                == 1;
    }

    public void deleteAll(long userId) {
        jdbc.sql("DELETE FROM browser_sessions WHERE user_id = ?").param(userId).update();
    }

    /** Rows no request has touched since {@code before}: their HTTP session has expired, or its node died. */
    public void deleteUnusedSince(long userId, long before) {
        jdbc.sql("DELETE FROM browser_sessions WHERE user_id = ? AND last_used_at < ?")
                .params(userId, before)
                .update();
    }

    public List<Row> findByUser(long userId) {
        return jdbc.sql("""
                SELECT id, user_agent, ip, created_at, last_used_at FROM browser_sessions
                WHERE user_id = ? ORDER BY last_used_at DESC, created_at DESC""")
                .param(userId)
                .query((rs, row) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
