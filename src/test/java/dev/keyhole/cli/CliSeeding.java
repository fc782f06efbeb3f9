package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Seeds a running Keyhole server through the real CLI, the way a person moves their codes in: {@code account
 * create}, then {@code import}. For end-to-end tests, including the browser viewer's (which then signs in with
 * {@link SeededAccount#email()} and {@link SeededAccount#password()} and should show {@link SeededAccount#codes()}).
 */
public final class CliSeeding {

    /** The server's fixed emailed code for test domains (keyhole.ott.fixed-code). */
    public static final String FIXED_OTT = "123456";

    public static final String SAMPLES = "aegis-test-vectors/";

    /** {@code recoveryWords}: the recovery key as {@code account create} printed it. */
    public record SeededAccount(
            String serverUrl, String email, String password, CliRun cli, List<OtpCode> codes, String recoveryWords) {}

    private CliSeeding() {}

    /** A CLI for one person: their own config directory, password, and the server's fixed emailed code. */
    public static CliRun cli(Path configDir, String password) {
        return CliRun.in(configDir).withEnv(Map.of("KEYHOLE_PASSWORD", password, "KEYHOLE_OTT", FIXED_OTT));
    }

    /**
     * Creates the account and imports the shared encrypted Aegis sample (password "test") into it: the seven
     * entries of its plain.txt, which {@link #sampleCodes()} reads.
     */
    public static SeededAccount accountWithImportedSample(String serverUrl, String email, Path configDir) {
        String password = "correct horse battery staple";
        CliRun cli = cli(configDir, password);
        CliRun created = cli.execute("account", "create", "--server", serverUrl, "--email", email);
        assertThat(created.exitCode()).as(created.err()).isZero();
        String words = created.out()
                .lines()
                .filter(line -> line.startsWith("  "))
                .findFirst()
                .orElseThrow()
                .trim();
        CliRun imported = cli.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "test"))
                .execute("import", sample("aegis_encrypted.json").toString());
        assertThat(imported.out()).as(imported.err()).startsWith("Added 7, skipped 0 (duplicates), failed 0\n");
        return new SeededAccount(serverUrl, email, password, cli, sampleCodes(), words);
    }

    public static Path sample(String name) {
        return Vectors.sharedDir().resolve("samples").resolve(SAMPLES + name);
    }

    /** The entries every shared sample encodes. */
    public static List<OtpCode> sampleCodes() {
        try {
            return Files.readAllLines(sample("plain.txt")).stream()
                    .filter(line -> !line.isBlank())
                    .map(CliSeeding::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
