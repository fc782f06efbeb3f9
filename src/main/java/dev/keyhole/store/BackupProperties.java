package dev.keyhole.store;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyhole.backup.*}, documented in the repository's application.properties.
 *
 * @param dir where backups are written; unset means {@code backups} inside {@code keyhole.data-dir}
 * @param schedule a Spring cron expression in the server's time zone, or {@code -} for none
 * @param keep how many of the newest backups to keep; older ones are deleted after each backup
 */
@ConfigurationProperties("keyhole.backup")
record BackupProperties(
        @Nullable Path dir,
        @DefaultValue(BackupProperties.DAILY) String schedule,
        @DefaultValue("7") int keep) {

    static final String DAILY = "0 30 3 * * *";

    BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("keyhole.backup.keep must be at least 1, was " + keep);
        }
    }

    Path dirUnder(Path dataDir) {
        return dir != null ? dir : dataDir.resolve("backups");
    }
}
