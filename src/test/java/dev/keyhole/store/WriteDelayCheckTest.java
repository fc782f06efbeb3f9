package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up check reads the WRITE_DELAY that H2 actually runs with, which is what the URL says. */
class WriteDelayCheckTest {

    private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path dir;

    @Test
    void anH2FileUrlWithoutTheSettingRunsWithH2sDelayedCommits() {
        assertThat(checkFor("jdbc:h2:file:" + dir.resolve("plain") + MODE).writeDelay())
                .isEqualTo(500);
    }

    @Test
    void theJarsUrlSettingMakesEveryCommitImmediate() {
        assertThat(checkFor("jdbc:h2:file:" + dir.resolve("durable") + MODE + ";WRITE_DELAY=0")
                        .writeDelay())
                .isZero();
    }

    @Test
    void onlyH2OnFilesIsChecked() {
        assertThat(H2Files.isH2File(dataSource("jdbc:h2:file:" + dir.resolve("file") + MODE)))
                .isTrue();
        assertThat(H2Files.isH2File(dataSource("jdbc:h2:mem:check" + MODE))).isFalse();
    }

    private static WriteDelayCheck checkFor(String url) {
        JdbcDataSource dataSource = dataSource(url);
        return new WriteDelayCheck(dataSource, JdbcClient.create(dataSource));
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url + ";DB_CLOSE_DELAY=0");
        dataSource.setUser("sa");
        return dataSource;
    }
}
