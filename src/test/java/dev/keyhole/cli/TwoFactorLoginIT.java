package dev.keyhole.cli;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteTwoFactorClient;
import dev.keyhole.sync.EnteTwoFactorClient.Authenticator;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code keyhole login} for accounts that Ente's settings made stricter: a TOTP second factor (the code of
 * the authenticator app, KEYHOLE_TOTP here) and email verification on (the emailed code, KEYHOLE_OTT).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=" + CliSeeding.FIXED_OTT,
            "vaadin.productionMode=true",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
class TwoFactorLoginIT {

    private static final String PASSWORD = "grace's own password";
    private static EnteKeys keys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private String email;
    private EnteTestClient phone;
    private Authenticator app;

    @BeforeEach
    void graceTurnedOnTotpInAnEnteApp() {
        email = "grace-" + UUID.randomUUID() + "@example.test";
        phone = new EnteTestClient(URI.create(server()));
        phone.signUp(email, CliSeeding.FIXED_OTT, keys());
        app = EnteTwoFactorClient.turnOn(phone, Clock.systemUTC());
    }

    @Test
    void loginAsksForTheAuthenticatorCodeThenWorks() {
        // The next step's code: the current one may be the one that turned TOTP on, used once already.
        CliRun login = login(app.codeIn(Duration.ofSeconds(30)));

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).endsWith("Logged in to " + server() + " as " + email + "." + System.lineSeparator());
        CliRun sessions = CliSeeding.cli(temp.resolve("laptop"), PASSWORD).execute("sessions");
        assertThat(sessions.out()).as(sessions.err()).contains("2 active sessions");
    }

    @Test
    void aWrongCodeFailsInOneLineAndSavesNothing() {
        CliRun login = login(String.format("%06d", (Integer.parseInt(app.code()) + 500_000) % 1_000_000));

        assertThat(login.exitCode()).isNotZero();
        assertThat(login.err().strip()).isEqualTo("The authenticator code is not correct.");
        assertThat(temp.resolve("laptop").toFile().list()).isNullOrEmpty();
    }

    @Test
    void withEmailVerificationOnTooTheEmailedCodeThenTheAuthenticatorCode() {
        expect(EnteTwoFactorClient.emailMfa(phone, true), 200);

        CliRun login = login(app.codeIn(Duration.ofSeconds(30)));

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in to " + server());
    }

    private CliRun login(String totp) {
        return CliSeeding.cli(temp.resolve("laptop"), PASSWORD)
                .withEnv(Map.of("KEYHOLE_TOTP", totp))
                .execute("login", "--server", server(), "--email", email);
    }

    private String server() {
        return "http://localhost:" + port;
    }

    private static synchronized EnteKeys keys() {
        if (keys == null) {
            keys = EnteKeys.generate(PASSWORD);
        }
        return keys;
    }
}
