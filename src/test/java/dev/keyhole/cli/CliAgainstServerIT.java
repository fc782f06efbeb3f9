package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.CliSeeding.SeededAccount;
import dev.keyhole.cli.keys.RecoveryWords;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpGenerator;
import dev.keyhole.otp.OtpType;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The keyhole CLI against the real server: a person moves their codes in with two commands, reads them, exports
 * them, and takes them to a second account. Each command derives keys with Ente's real Argon2id cost, so this
 * test takes a while.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=" + CliSeeding.FIXED_OTT,
            // The CLI needs no frontend bundle.
            "vaadin.productionMode=true",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
class CliAgainstServerIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:07Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @Test
    void codesImportedWithTwoCommandsArePrintedExportedAndMovedToAnotherAccount() throws Exception {
        SeededAccount alice =
                CliSeeding.accountWithImportedSample(server(), "alice@example.test", temp.resolve("alice"));

        assertThat(codesAt(alice.cli())).isEqualTo(expectedCodes());

        CliRun again =
                alice.cli().execute("import", CliSeeding.sample("plain.txt").toString());
        assertThat(again.out()).startsWith("Added 0, skipped 7 (duplicates), failed 0\n");

        Path export = temp.resolve("keyhole-export.json");
        CliRun exported = alice.cli()
                .withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "export password"))
                .execute("export", export.toString());
        assertThat(exported.out()).as(exported.err()).isEqualTo("Exported 7 codes to " + export + ".\n");

        CliRun bob = CliSeeding.cli(temp.resolve("bob"), "bob's own password");
        String words =
                recoveryWordsIn(bob.execute("account", "create", "--server", server(), "--email", "bob@example.test"));
        assertThat(words.split(" ")).as("the recovery key as Ente's 24 words").hasSize(24);
        assertThat(RecoveryWords.decode(words)).hasSize(32);
        CliRun moved =
                bob.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "export password")).execute("import", export.toString());
        assertThat(moved.out()).as(moved.err()).startsWith("Added 7, skipped 0 (duplicates), failed 0\n");
        assertThat(codesAt(bob)).isEqualTo(expectedCodes());
    }

    @Test
    void loginSessionsAndLogoutWorkOnASecondComputer() {
        SeededAccount carol =
                CliSeeding.accountWithImportedSample(server(), "carol@example.test", temp.resolve("carol"));
        CliRun laptop = CliSeeding.cli(temp.resolve("laptop"), carol.password());

        CliRun login = laptop.execute("login", "--server", server(), "--email", carol.email());
        assertThat(login.out()).as(login.err()).isEqualTo("Logged in to " + server() + " as carol@example.test.\n");
        assertThat(codesAt(laptop)).isEqualTo(expectedCodes());

        CliRun sessions = laptop.execute("sessions");
        assertThat(sessions.out()).as(sessions.err()).contains("2 active sessions");

        assertThat(laptop.execute("logout").out()).isEqualTo("Logged out of " + server() + ".\n");
        assertThat(laptop.execute("codes").err()).startsWith("Not logged in to " + server());
        assertThat(carol.cli().execute("sessions").out()).contains("1 active session");
    }

    @Test
    void aWrongFilePasswordUploadsNothingAndBadLinesFailAloneWithTheirNumbers() throws Exception {
        CliRun erin = CliSeeding.cli(temp.resolve("erin"), "erin's password");
        erin.execute("account", "create", "--server", server(), "--email", "erin@example.test");

        CliRun wrong = erin.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "wrong"))
                .execute("import", CliSeeding.sample("aegis_encrypted.json").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("Wrong password for this Aegis vault.\n");

        Path list = temp.resolve("codes.txt");
        Files.writeString(
                list,
                "otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\nnonsense\n"
                        + "otpauth://totp/B:b?secret=JBSWY3DPEHPK3PXP\notpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n");
        CliRun imported = erin.execute("import", list.toString());
        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out()).isEqualTo("""
                Added 2, skipped 1 (duplicates), failed 1
                  skipped line 4: A (a) is already there
                  failed line 2: not an otpauth:// URI
                """);

        assertThat(codesAt(erin).lines())
                .extracting(line -> line.substring(0, 1))
                .containsExactly("A", "B");
    }

    @Test
    void aWrongPasswordIsOneClearLine() {
        CliSeeding.cli(temp.resolve("dave"), "dave's password")
                .execute("account", "create", "--server", server(), "--email", "dave@example.test");

        CliRun wrong = CliSeeding.cli(temp.resolve("other"), "not dave's password")
                .execute("login", "--server", server(), "--email", "dave@example.test");

        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("Wrong password.\n");
        assertThat(Files.exists(temp.resolve("other").resolve("config.json"))).isFalse();
    }

    @Test
    void recoverWithThe24WordsSetsANewPasswordAndKeepsTheCodes() {
        SeededAccount frank =
                CliSeeding.accountWithImportedSample(server(), "frank@example.test", temp.resolve("frank"));
        CliRun created = CliSeeding.cli(temp.resolve("grace"), "grace's password")
                .execute("account", "create", "--server", server(), "--email", "grace@example.test");
        String gracesWords = recoveryWordsIn(created);
        CliRun laptop = CliSeeding.cli(temp.resolve("frank-laptop"), frank.password());
        laptop.execute("login", "--server", server(), "--email", frank.email());
        CliRun browser = CliSeeding.cli(temp.resolve("recovering"), "frank's new password");

        CliRun foreign = browser.withEnv(Map.of("KEYHOLE_RECOVERY_KEY", gracesWords))
                .execute("account", "recover", "--server", server(), "--email", frank.email());
        assertThat(foreign.exitCode()).as(foreign.err()).isEqualTo(1);
        assertThat(foreign.err()).isEqualTo("That recovery key does not open this account.\n");
        CliRun garbled = browser.withEnv(Map.of("KEYHOLE_RECOVERY_KEY", "abandon ability able"))
                .execute("account", "recover", "--server", server(), "--email", frank.email());
        assertThat(garbled.err()).isEqualTo("That is not a recovery key: a recovery key is 24 words, not 3.\n");
        assertThat(codesAt(laptop)).as("refusals change nothing").isEqualTo(expectedCodes());

        CliRun recovered = browser.withEnv(Map.of("KEYHOLE_RECOVERY_KEY", frank.recoveryWords()))
                .execute("account", "recover", "--server", server(), "--email", frank.email());

        assertThat(recovered.out()).as(recovered.err()).startsWith("New password set for frank@example.test");
        assertThat(codesAt(browser)).isEqualTo(expectedCodes());
        assertThat(laptop.execute("codes").exitCode())
                .as("other devices are logged out")
                .isEqualTo(1);
        CliRun oldPassword = CliSeeding.cli(temp.resolve("old"), frank.password())
                .execute("login", "--server", server(), "--email", frank.email());
        assertThat(oldPassword.err()).isEqualTo("Wrong password.\n");
        CliRun newPassword = CliSeeding.cli(temp.resolve("new"), "frank's new password");
        assertThat(newPassword
                        .execute("login", "--server", server(), "--email", frank.email())
                        .exitCode())
                .isZero();
        assertThat(codesAt(newPassword)).isEqualTo(expectedCodes());
    }

    private static String recoveryWordsIn(CliRun created) {
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.out()
                .lines()
                .filter(line -> line.startsWith("  "))
                .findFirst()
                .orElseThrow()
                .trim();
    }

    private String codesAt(CliRun cli) {
        CliRun codes = cli.withClock(Clock.fixed(NOW, ZoneOffset.UTC)).execute("codes");
        assertThat(codes.exitCode()).as(codes.err()).isZero();
        return codes.out();
    }

    /** What {@code codes} must print for the sample: the Java OTP engine's codes, sorted by issuer. */
    private static String expectedCodes() {
        List<OtpCode> codes = CliSeeding.sampleCodes().stream()
                .sorted(Comparator.comparing((OtpCode code) -> code.issuer().toLowerCase(Locale.ROOT)))
                .toList();
        int width = codes.stream()
                .mapToInt(code -> CodesCommand.title(code).length())
                .max()
                .orElse(0);
        StringBuilder expected = new StringBuilder();
        for (OtpCode code : codes) {
            String current = CodesCommand.grouped(OtpGenerator.current(code, NOW));
            String next = CodesCommand.grouped(OtpGenerator.next(code, NOW));
            String validity = code.type() == OtpType.HOTP
                    ? "counter " + code.counter()
                    : String.format("%2ds", OtpGenerator.secondsRemaining(code, NOW));
            expected.append(String.format(
                    "%-" + width + "s  %s  %s   next %s%n", CodesCommand.title(code), current, validity, next));
        }
        return expected.toString();
    }

    private String server() {
        return "http://localhost:" + port;
    }
}
