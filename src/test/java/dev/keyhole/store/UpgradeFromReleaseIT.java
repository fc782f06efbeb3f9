package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.store.ReleaseFixture.AppliedMigration;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A database in the state the current release left it ({@link ReleaseFixture}) is upgraded by this build's
 * {@code target/keyhole.jar}: Flyway applies every newer migration, and the account signs in with its
 * password, keeps its token, and gets the release's diff byte for byte, tombstone included.
 */
class UpgradeFromReleaseIT {

    private static final String UPGRADE_CHECK = "otpauth://totp/Upgraded:after?secret=JBSWY3DPEHPK3PXP&issuer=Upgraded";

    private final JsonNode served = ReleaseFixture.served();

    @TempDir
    Path home;

    @Test
    void anH2FileOfTheReleaseIsUpgradedAndServesTheSameSignInAndDiff() throws Exception {
        Path data = home.resolve("data");
        ReleaseFixture.copyDatabaseInto(data);
        List<AppliedMigration> released;
        try (Connection connection = ReleaseFixture.openH2(data)) {
            released = ReleaseFixture.history(connection);
        }

        try (PackagedJar upgraded = PackagedJar.start(home)) {
            assertTheReleasesAccountIsIntact(upgraded.base());
        }

        try (Connection connection = ReleaseFixture.openH2(data)) {
            assertUpgradedThroughEveryMigration(released, ReleaseFixture.history(connection));
        }
    }

    @Test
    void aPostgresDatabaseOfTheReleaseIsUpgradedAndServesTheSameSignInAndDiff() throws Exception {
        Path data = home.resolve("release-h2");
        ReleaseFixture.copyDatabaseInto(data);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            List<AppliedMigration> released;
            try (Connection h2 = ReleaseFixture.openH2(data);
                    Connection pg = postgres.getPostgresDatabase().getConnection()) {
                released = ReleaseFixture.history(h2);
                ReleaseOnPostgres.rebuild(postgres.getPostgresDatabase(), h2);
                assertThat(ReleaseFixture.history(pg))
                        .as("the release's history, rebuilt on PostgreSQL")
                        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rank")
                        .isEqualTo(released);
            }

            try (PackagedJar upgraded = PackagedJar.start(
                    home,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=")) {
                assertTheReleasesAccountIsIntact(upgraded.base());
            }

            try (Connection pg = postgres.getPostgresDatabase().getConnection()) {
                assertUpgradedThroughEveryMigration(released, ReleaseFixture.history(pg));
            }
        }
    }

    private void assertTheReleasesAccountIsIntact(URI server) {
        EnteTestClient laptop = new EnteTestClient(server);
        assertThat(laptop.logIn(ReleaseFixture.EMAIL, "not the password").status())
                .isEqualTo(401);
        expect(laptop.logIn(ReleaseFixture.EMAIL, ReleaseFixture.PASSWORD), 200);

        assertThat(expect(laptop.get("/authenticator/key"), 200).body()).isEqualTo(served.path("authenticatorKey"));
        JsonNode diff = expect(laptop.get("/authenticator/entity/diff?sinceTime=0&limit=500"), 200)
                .body()
                .path("diff");
        assertThat(diff).as("the release's diff, byte for byte").isEqualTo(served.path("diff"));
        assertThat(diff.valueStream()
                        .filter(entity -> entity.path("isDeleted").asBoolean())
                        .map(entity -> entity.path("id").asString()))
                .as("the tombstone")
                .containsExactly(served.path("deleted").asString());
        EnteVaultClient vault = new EnteVaultClient(laptop).openOrCreateKey();
        assertThat(vault.sync(500)).isEqualTo(codesTheReleaseServed());

        // A phone signed in before the upgrade keeps its token, and sees what is written after it.
        EnteTestClient phone = new EnteTestClient(server);
        phone.useToken(served.path("phoneToken").asString());
        assertThat(expect(phone.get("/authenticator/entity/diff?sinceTime=0&limit=500"), 200)
                        .body()
                        .path("diff"))
                .isEqualTo(served.path("diff"));
        UUID added = vault.create(UPGRADE_CHECK);
        Map<UUID, String> after = new TreeMap<>(codesTheReleaseServed());
        after.put(added, UPGRADE_CHECK);
        assertThat(vault.sync(1)).isEqualTo(after);
        long lastReleased = served.path("diff")
                .valueStream()
                .mapToLong(entity -> entity.path("updatedAt").asLong())
                .max()
                .orElseThrow();
        assertThat(expect(phone.get("/authenticator/entity/diff?sinceTime=" + lastReleased + "&limit=500"), 200)
                        .body()
                        .path("diff")
                        .valueStream()
                        .map(entity -> entity.path("id").asString()))
                .containsExactly(added.toString());
    }

    private static void assertUpgradedThroughEveryMigration(
            List<AppliedMigration> released, List<AppliedMigration> upgraded) throws IOException {
        List<String> scripts = ReleaseFixture.migrationFilesOfThisBuild().stream()
                .filter(name -> name.endsWith(".sql"))
                .toList();
        assertThat(upgraded.subList(0, released.size()))
                .as("the release's history, untouched")
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("rank")
                .isEqualTo(released);
        assertThat(upgraded).allMatch(AppliedMigration::success);
        assertThat(upgraded.stream().map(AppliedMigration::script))
                .as("every migration of this build, applied")
                .containsExactlyInAnyOrderElementsOf(scripts);
    }

    private Map<UUID, String> codesTheReleaseServed() {
        Map<UUID, String> codes = new TreeMap<>();
        served.path("codes")
                .properties()
                .forEach(code -> codes.put(
                        UUID.fromString(code.getKey()), code.getValue().asString()));
        return codes;
    }
}
