package dev.keyhole.viewer.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table viewer_settings (migration V1000): one row per account that changed a default. */
@Repository
public class ViewerSettingsRepository {

    private final JdbcClient jdbc;

    ViewerSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> autoLockSeconds(long userId) {
        return jdbc.sql("SELECT auto_lock_seconds FROM viewer_settings WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .optional();
    }

    /** Insert or update, in two statements that mean the same on H2 and PostgreSQL. */
    public void saveAutoLockSeconds(long userId, int seconds) {
        int updated = jdbc.sql("UPDATE viewer_settings SET auto_lock_seconds = ? WHERE user_id = ?")
                .params(seconds, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO viewer_settings (user_id, auto_lock_seconds) VALUES (?, ?)")
                    .params(userId, seconds)
                    .update();
        }
    }
}
