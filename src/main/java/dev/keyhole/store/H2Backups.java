package dev.keyhole.store;

import dev.keyhole.KeyholeProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Online backups of the embedded H2 database on {@code keyhole.backup.schedule}. H2's {@code BACKUP TO}
 * copies the database file while the server keeps serving, and the copy is transactionally consistent
 * (the store file is append-only while it is copied). Does nothing on any other database.
 */
@Component
class H2Backups {

    private static final Logger log = LoggerFactory.getLogger(H2Backups.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BackupFiles files;
    private final int keep;
    private final boolean h2File;

    H2Backups(
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            KeyholeProperties keyhole,
            BackupProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.files = new BackupFiles(properties.dirUnder(keyhole.dataDir()));
        this.keep = properties.keep();
        this.h2File = H2Files.isH2File(dataSource);
    }

    @Scheduled(cron = "${keyhole.backup.schedule:" + BackupProperties.DAILY + "}")
    void onSchedule() {
        try {
            backUp();
        } catch (IOException | DataAccessException e) {
            // One line: the cause names the folder or the SQL state, never data.
            log.error("H2 backup failed: {}", e.getMessage());
        }
    }

    /** Writes one backup and prunes old ones; empty when the database is not an H2 file. */
    Optional<Path> backUp() throws IOException {
        if (!h2File) {
            return Optional.empty();
        }
        Instant start = clock.instant();
        Path partial = files.prepare(start);
        try {
            jdbc.sql("BACKUP TO ?").param(partial.toAbsolutePath().toString()).update();
            Path backup = files.complete(partial);
            log.info(
                    "H2 backup written to {} ({} KB, {} ms)",
                    backup,
                    Files.size(backup) / 1024,
                    Duration.between(start, clock.instant()).toMillis());
            for (Path old : files.prune(keep)) {
                log.info("H2 backup {} deleted (keyhole.backup.keep={})", old.getFileName(), keep);
            }
            return Optional.of(backup);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
