package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands chained as a person uses them, against {@link FakeSyncServer}: fast feedback without Spring.
 * Each unlock still runs Ente's real Argon2id cost, so this takes some seconds.
 */
class CliFlowTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private FakeSyncServer server;
    private CliRun cli;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
        cli = CliRun.in(temp.resolve("config")).withEnv(Map.of("KEYHOLE_PASSWORD", PASSWORD,
                "KEYHOLE_OTT", FakeSyncServer.OTT, "KEYHOLE_FILE_PASSWORD", "test"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createImportListAndLogInElsewhere() {
        CliRun created = cli.execute("account", "create", "--server", server.url(), "--email", "a@example.test");
        assertThat(created.out()).as(created.err()).startsWith("Account created for a@example.test on " + server.url())
                .containsPattern("\n  [0-9a-f]{64}\n");

        CliRun imported = cli.execute("import", CliSeeding.sample("aegis_encrypted.json").toString());
        assertThat(imported.out()).as(imported.err()).isEqualTo("Added 7, skipped 0 (duplicates), failed 0\n");
        assertThat(server.entityCount()).isEqualTo(7);

        CliRun codes = cli.execute("codes", "air");
        assertThat(codes.out()).as(codes.err()).startsWith("Air Canada (Benjamin)").contains("\nAirbnb (Elijah)")
                .doesNotContain("Deno");

        CliRun laptop = CliRun.in(temp.resolve("laptop")).withEnv(Map.of("KEYHOLE_PASSWORD", PASSWORD));
        assertThat(laptop.execute("login", "--server", server.url(), "--email", "a@example.test").out())
                .isEqualTo("Logged in to " + server.url() + " as a@example.test.\n");
        assertThat(laptop.execute("sessions").out()).endsWith("2 active sessions (* this one).\n");
        assertThat(laptop.execute("logout").exitCode()).isZero();
        assertThat(cli.execute("sessions").out()).endsWith("1 active session (* this one).\n");
    }

    @Test
    void aFileWithBadLinesImportsTheRestAndNamesEachBadLine() throws Exception {
        cli.execute("account", "create", "--server", server.url(), "--email", "a@example.test");
        Path list = temp.resolve("codes.txt");
        Files.writeString(list, "otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\nnonsense\n"
                + "otpauth://totp/B:b?secret=JBSWY3DPEHPK3PXP\notpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n");

        CliRun imported = cli.execute("import", list.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out()).isEqualTo("""
                Added 2, skipped 1 (duplicates), failed 1
                  skipped line 4: A (a) is already there
                  failed line 2: not an otpauth:// URI
                """);
    }

    @Test
    void aWrongFilePasswordUploadsNothing() {
        cli.execute("account", "create", "--server", server.url(), "--email", "a@example.test");

        CliRun imported = cli.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "wrong"))
                .execute("import", CliSeeding.sample("aegis_encrypted.json").toString());

        assertThat(imported.err()).isEqualTo("Wrong password for this Aegis vault.\n");
        assertThat(server.entityCount()).isZero();
    }
}
