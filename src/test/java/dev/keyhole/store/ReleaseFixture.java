package dev.keyhole.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database of the current release, committed under {@code src/test/resources/release-fixture/} by
 * {@link ReleaseFixtureWriter}: the H2 file that {@code target/keyhole.jar} of the release left behind
 * after one account signed up and synced a few codes through the sync API, the release's migration
 * scripts, and what the release served ({@code release.json}). Upgrade tests start the new build on a copy.
 */
final class ReleaseFixture {

    static final String EMAIL = "release-fixture@example.test";
    /** The fixture account's password: the upgrade test signs in with it (SRP, Argon2id 128 MiB x 32). */
    static final String PASSWORD = "release fixture: correct horse battery staple";

    static final long MEM_LIMIT = 128L * 1024 * 1024;
    static final long OPS_LIMIT = 32;

    static final String RESOURCES = "release-fixture";
    /** The file name H2 gives {@code ${keyhole.data-dir}/keyhole} (the jar's default datasource URL). */
    static final String H2_FILE = "keyhole.mv.db";
    /** The released migration scripts, copied from the release's jar (for building its PostgreSQL state). */
    static final String MIGRATIONS = RESOURCES + "/migrations";

    /** The jar's own H2 settings (src/main/resources/application.properties): identifiers were made lower case. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One SQL migration in {@code flyway_schema_history}. The version is null for repeatable migrations. */
    record AppliedMigration(
            int rank,
            @Nullable String version,
            String script,
            @Nullable Integer checksum,
            boolean success) {}

    private ReleaseFixture() {}

    /** Copies the release's H2 file into {@code dataDir}, where the jar's default URL finds it. */
    static void copyDatabaseInto(Path dataDir) {
        try (InputStream database = resource(H2_FILE)) {
            Files.createDirectories(dataDir);
            Files.copy(database, dataDir.resolve(H2_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the H2 database in {@code dataDir}, opened the way the jar opens it. */
    static Connection openH2(Path dataDir) throws SQLException {
        return DriverManager.getConnection(h2Url(dataDir), "sa", "");
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("keyhole").toAbsolutePath() + H2_MODE;
    }

    /** The SQL migrations a database has run, without Flyway's own marker rows (its table's creation). */
    static List<AppliedMigration> history(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (ResultSet found = connection
                .createStatement()
                .executeQuery("SELECT installed_rank, version, script, checksum, success"
                        + " FROM flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank")) {
            while (found.next()) {
                rows.add(new AppliedMigration(
                        found.getInt(1),
                        found.getString(2),
                        found.getString(3),
                        found.getObject(4, Integer.class),
                        found.getBoolean(5)));
            }
        }
        return rows;
    }

    /**
     * What the release served for the fixture account: {@code release} (version and commit),
     * {@code phoneToken} (a token issued by the release), {@code authenticatorKey} and {@code diff} (the
     * bodies of {@code GET /authenticator/key} and of the full diff), {@code codes} (id to otpauth URI of
     * the live codes) and {@code deleted} (the id of the tombstone).
     */
    static JsonNode served() {
        try (InputStream facts = resource("release.json")) {
            return JSON.readTree(facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file name under {@code db/migration} on this build's classpath (what the jar ships). */
    static List<String> migrationFilesOfThisBuild() throws IOException {
        return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*"))
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .toList();
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(
                ReleaseFixture.class.getClassLoader().getResourceAsStream(RESOURCES + "/" + name),
                "missing test resource " + RESOURCES + "/" + name + "; see ReleaseFixtureWriter");
    }
}
