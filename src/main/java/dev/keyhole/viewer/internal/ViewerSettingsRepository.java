package dev.keyhole.viewer.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table viewer_settings (migrations V1000, V202612020300): one row per account that changed a default. */
@Repository
public class ViewerSettingsRepository {

    /** One account's row; a null auto-lock delay means the server's default. */
    public record Stored(@Nullable Integer autoLockSeconds, int clipboardClearSeconds, boolean hideCodes) {

        public static final Stored DEFAULTS = new Stored(null, 0, false);
    }

    private final JdbcClient jdbc;

    ViewerSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(long userId) {
        return jdbc.sql("SELECT auto_lock_seconds, clipboard_clear_seconds, hide_codes FROM viewer_settings"
                        + " WHERE user_id = ?")
                .param(userId)
                .query((row, number) -> new Stored(
                        (Integer) row.getObject("auto_lock_seconds", Integer.class),
                        row.getInt("clipboard_clear_seconds"),
                        row.getBoolean("hide_codes")))
                .optional();
    }

    /** Insert or update, in two statements that mean the same on H2 and PostgreSQL. */
    public void save(long userId, Stored stored) {
        int updated = jdbc.sql("UPDATE viewer_settings SET auto_lock_seconds = ?, clipboard_clear_seconds = ?,"
                        + " hide_codes = ? WHERE user_id = ?")
                .params(stored.autoLockSeconds(), stored.clipboardClearSeconds(), stored.hideCodes(), userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO viewer_settings (user_id, auto_lock_seconds, clipboard_clear_seconds, hide_codes)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(userId, stored.autoLockSeconds(), stored.clipboardClearSeconds(), stored.hideCodes())
                    .update();
        }
    }
}
