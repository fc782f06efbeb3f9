package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.store.ReleaseFixture.AppliedMigration;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations only ever grow (docs/design-decisions/0007-migration-numbering.md): with Flyway's default
 * {@code outOfOrder=false}, a migration that sorts below one a database has applied makes the upgraded
 * server refuse to start. The released history is the one in {@link ReleaseFixture}'s database.
 */
class MigrationOrderTest {

    /** The first release's migrations, named before the rule; they keep their names forever. */
    private static final Set<String> LEGACY = Set.of(
            "V0001__sync_schema.sql",
            "V0100__passkeys.sql",
            "V0101__passkey_second_factor.sql",
            "V1000__viewer_settings.sql");

    private static final Pattern NEW_NAME = Pattern.compile("V(\\d{12})__[a-z0-9]+(?:_[a-z0-9]+)*\\.sql");
    private static final DateTimeFormatter WRITTEN_AT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
    private static final String RULE = "name a new migration V<yyyyMMddHHmm>__<what>.sql, the UTC time it is"
            + " written (docs/design-decisions/0007-migration-numbering.md)";
    /** Not a migration: Flyway reads only V*.sql from the folder. */
    private static final String FOLDER_README = "README.md";

    @TempDir
    static Path released;

    private static List<AppliedMigration> releasedHistory;

    @BeforeAll
    static void readTheReleasedHistory() throws SQLException {
        ReleaseFixture.copyDatabaseInto(released);
        try (Connection connection = ReleaseFixture.openH2(released)) {
            releasedHistory = ReleaseFixture.history(connection);
        }
    }

    @Test
    void everyMigrationFileFollowsTheNamingRule() throws IOException {
        for (String name : migrationFiles()) {
            if (LEGACY.contains(name) || name.equals(FOLDER_README)) {
                continue;
            }
            Matcher matcher = NEW_NAME.matcher(name);
            assertThat(matcher.matches()).as("db/migration/%s: %s", name, RULE).isTrue();
            assertThat(isATime(matcher.group(1)))
                    .as("db/migration/%s: %s is not a time yyyyMMddHHmm; %s", name, matcher.group(1), RULE)
                    .isTrue();
        }
    }

    @Test
    void noNewMigrationSortsAtOrBelowTheNewestReleasedOne() throws IOException {
        List<MigrationVersion> releasedVersions = releasedHistory.stream()
                .map(AppliedMigration::version)
                .filter(Objects::nonNull)
                .map(MigrationVersion::fromVersion)
                .toList();
        MigrationVersion newestReleased =
                releasedVersions.stream().max(MigrationVersion::compareTo).orElseThrow();

        List<String> belowTheRelease = migrationFiles().stream()
                .filter(name -> name.startsWith("V") && name.contains("__"))
                .filter(name -> {
                    MigrationVersion version = versionOf(name);
                    return !releasedVersions.contains(version) && version.compareTo(newestReleased) <= 0;
                })
                .toList();

        assertThat(belowTheRelease)
                .as(
                        "not in the release but at or below its newest migration V%s, so an upgraded server would"
                                + " refuse to start (\"Detected resolved migration not applied to database\"); %s",
                        newestReleased, RULE)
                .isEmpty();
    }

    @Test
    void flywayValidatesTheReleasedDatabaseAgainstTheseMigrations() {
        // Flyway's own check at start-up: released scripts unchanged (checksums) and present, none out of order.
        ValidateResult result = Flyway.configure()
                .dataSource(ReleaseFixture.h2Url(released), "sa", "")
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:pending")
                .load()
                .validateWithResult();

        assertThat(result.validationSuccessful)
                .as("Flyway on the released database: %s", result.getAllErrorMessages())
                .isTrue();
    }

    @Test
    void theFixtureIsAReleasedDatabaseWithEveryMigrationApplied() {
        // Guards the fixture itself: it must have been made by a release, every migration applied.
        assertThat(releasedHistory).allMatch(AppliedMigration::success);
        assertThat(releasedHistory.stream().map(AppliedMigration::script)).containsAll(LEGACY);
    }

    private static List<String> migrationFiles() throws IOException {
        List<String> names = ReleaseFixture.migrationFilesOfThisBuild();
        assertThat(names).as("migrations on the classpath").isNotEmpty();
        return names;
    }

    private static MigrationVersion versionOf(String name) {
        return MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")));
    }

    private static boolean isATime(String digits) {
        try {
            LocalDateTime.parse(digits, WRITTEN_AT);
            return true;
        } catch (DateTimeParseException notATime) {
            return false;
        }
    }
}
