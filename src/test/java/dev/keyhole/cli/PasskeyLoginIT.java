package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import dev.keyhole.passkey.Ceremony;
import dev.keyhole.passkey.PasskeyService;
import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keyhole login} for an account that requires a passkey after the password: it prints where to
 * approve, polls, and logs in once the passkey approved the sign-in (here through begin and finish, as the
 * server's /passkeys/verify page does in a browser).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=" + CliSeeding.FIXED_OTT,
            "keyhole.public-url=http://localhost:0",
            "vaadin.productionMode=true",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
class PasskeyLoginIT {

    private static final String PASSWORD = "frank's own password";
    private static final Pattern APPROVE = Pattern.compile(
            "Approve this sign-in with your passkey at (http://localhost:\\d+)/passkeys/verify\\?passkeySessionID=([A-Za-z0-9_-]{43})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    PasskeyService passkeys;

    @Autowired
    AccountService accounts;

    @TempDir
    Path temp;

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void loginPrintsWhereToApproveWaitsForThePasskeyThenWorks() throws Exception {
        CliRun frank = CliSeeding.cli(temp.resolve("frank"), PASSWORD);
        CliRun created = frank.execute("account", "create", "--server", server(), "--email", "frank@example.test");
        assertThat(created.exitCode()).as(created.err()).isZero();
        UserId user = accounts.findByEmail("frank@example.test").orElseThrow();
        EmulatedPasskey authenticator = new EmulatedPasskey(server());
        register(user, authenticator);
        passkeys.requireAfterPassword(user, true);
        Watched out = new Watched();
        StringWriter err = new StringWriter();

        Future<Integer> login = background.submit(() -> KeyholeCli.execute(
                CliContext.of(
                        Map.of("KEYHOLE_CONFIG_DIR", temp.resolve("laptop").toString(), "KEYHOLE_PASSWORD", PASSWORD),
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Clock.systemUTC()),
                "login",
                "--server",
                server(),
                "--email",
                "frank@example.test"));
        Matcher approve = out.await(APPROVE, Duration.ofSeconds(60));
        assertThat(approve.group(1)).isEqualTo(server());
        assertThat(login.isDone()).as("still waiting for the passkey").isFalse();

        approve(approve.group(2), authenticator);

        assertThat(login.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.text())
                .endsWith("Logged in to " + server() + " as frank@example.test." + System.lineSeparator());
        CliRun sessions = CliSeeding.cli(temp.resolve("laptop"), PASSWORD).execute("sessions");
        assertThat(sessions.out()).as(sessions.err()).contains("2 active sessions");
    }

    /** What the server's /passkeys/verify page does in the browser: begin, the passkey's answer, finish. */
    private void approve(String sessionId, EmulatedPasskey authenticator) {
        EnteTestClient browser = new EnteTestClient(URI.create(server()));
        JsonNode begun = EnteTestClient.expect(
                        browser.post(
                                "/users/two-factor/passkeys/begin?sessionID=" + sessionId, JSON.createObjectNode()),
                        200)
                .body();
        byte[] challenge = Base64.getUrlDecoder()
                .decode(begun.path("options")
                        .path("publicKey")
                        .path("challenge")
                        .asString());
        EnteTestClient.expect(
                browser.post(
                        "/users/two-factor/passkeys/finish?ceremonySessionID="
                                + begun.path("ceremonySessionID").asString() + "&sessionID=" + sessionId,
                        JSON.readTree(authenticator.get(challenge, "localhost"))),
                200);
    }

    private void register(UserId user, EmulatedPasskey authenticator) {
        passkeys.registrationOptions(user, "frank@example.test", passkeys.newCeremony(Ceremony.Kind.REGISTRATION));
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
        passkeys.register(user, ceremony, authenticator.create(ceremony.challenge(), "localhost"), "Laptop");
    }

    private String server() {
        return "http://localhost:" + port;
    }

    /** Output that a test can wait on while the command still runs. */
    private static final class Watched extends Writer {

        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            notifyAll();
        }

        synchronized Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Matcher matcher = pattern.matcher(text.toString());
            while (!matcher.find()) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("waited for %s in: %s", pattern, text).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
                matcher = pattern.matcher(text.toString());
            }
            return matcher;
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
