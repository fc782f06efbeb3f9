package dev.keyhole.store;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * H2 writes a commit to its file only every WRITE_DELAY ms (500 by default), so a crash loses writes the
 * server already acknowledged. The jar's own URL sets {@code WRITE_DELAY=0}; a URL given by the user may
 * lack it, and this says so at start-up instead of losing codes silently.
 */
@Component
class WriteDelayCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WriteDelayCheck.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    WriteDelayCheck(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!H2Files.isH2File(dataSource)) {
            return;
        }
        int writeDelay = writeDelay();
        if (writeDelay != 0) {
            log.warn(
                    "H2 WRITE_DELAY is {} ms: a crash loses writes the server already acknowledged; add "
                            + ";WRITE_DELAY=0 to spring.datasource.url (docs/backup.md)",
                    writeDelay);
        }
    }

    int writeDelay() {
        return Integer.parseInt(
                jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                        .query(String.class)
                        .single());
    }
}
