package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point chooses server or CLI; CLI errors are one line and an exit code, never a stack trace. */
class KeyholeCliTest {

    @TempDir
    Path config;

    @Test
    void noArgumentsOnlyOptionsOrServeStartTheServer() {
        assertThat(KeyholeCli.serverArguments(new String[0])).isEmpty();
        assertThat(KeyholeCli.serverArguments(new String[] {"--server.port=9000", "--keyhole.data-dir=/x"}))
                .containsExactly("--server.port=9000", "--keyhole.data-dir=/x");
        assertThat(KeyholeCli.serverArguments(new String[] {"serve", "--server.port=9000"}))
                .containsExactly("--server.port=9000");
    }

    @Test
    void anythingElseIsACliCommand() {
        assertThat(KeyholeCli.serverArguments(new String[] {"codes"})).isNull();
        assertThat(KeyholeCli.serverArguments(new String[] {"--debug", "import", "file.txt"}))
                .isNull();
        assertThat(KeyholeCli.serverArguments(new String[] {"-h"})).isNull();
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.in(config).execute("bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Unmatched argument at index 0: 'bogus' (see: keyhole --help)\n");
    }

    @Test
    void aCommandWithoutAServerSaysHowToGiveOne() {
        CliRun run = CliRun.in(config).execute("codes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("No server given; use --server URL.\n");
    }

    @Test
    void aCommandOnAServerWithoutLoginSaysHowToLogIn() {
        CliRun run = CliRun.in(config).execute("sessions", "--server", "https://keyhole.example.org/");

        assertThat(run.err())
                .isEqualTo(
                        "Not logged in to https://keyhole.example.org; run: keyhole login --server https://keyhole.example.org\n");
    }

    @Test
    void anUnreachableServerIsNamedWithTheReason() {
        CliRun run = CliRun.in(config)
                .withEnv(Map.of("KEYHOLE_PASSWORD", "secret"))
                .execute("login", "--server", "http://127.0.0.1:1", "--email", "a@b.c");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Cannot reach http://127.0.0.1:1: connection refused.\n");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun run = CliRun.in(config)
                .withEnv(Map.of("KEYHOLE_PASSWORD", "secret"))
                .execute("login", "--server", "http://127.0.0.1:1", "--email", "a@b.c", "--debug");

        assertThat(run.err())
                .startsWith("Cannot reach http://127.0.0.1:1: connection refused.\n")
                .contains("UnreachableException", "\tat ");
    }

    @Test
    void withoutATerminalOrVariableThePasswordPromptSaysWhatToSet() {
        CliRun run = CliRun.in(config)
                .withEnv(Map.of())
                .execute("account", "create", "--server", "http://127.0.0.1:1", "--email", "a@b.c");

        assertThat(run.err()).isEqualTo("Set KEYHOLE_PASSWORD or run in a terminal.\n");
    }

    @Test
    void aMissingImportFileIsReportedBeforeAnythingElse() {
        CliRun run = CliRun.in(config)
                .execute("import", config.resolve("missing.txt").toString());

        assertThat(run.err()).isEqualTo("No such file: " + config.resolve("missing.txt") + "\n");
    }

    @Test
    void theFormatsInTheImportHelpAreAllTheFormats() {
        assertThat(ImportCommand.FORMATS).isEqualTo(dev.keyhole.cli.imports.ImportFormat.names());
    }
}
