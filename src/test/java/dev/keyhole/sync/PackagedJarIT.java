package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.SrpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The "done" check of the sync API: the spec-written client against the packaged {@code target/keyhole.jar},
 * started as a user starts it (its own process, the embedded H2 file database). Runs after {@code package}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

    private static final String PASSWORD = SyncTestSupport.PASSWORD;

    @TempDir
    static Path home;

    private Process server;
    private URI base;

    @BeforeAll
    void startTheJar() throws Exception {
        Path jar = Path.of("target", "keyhole.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn package first").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(
                        java.toString(),
                        "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--server.address=127.0.0.1",
                        "--server.port=" + port,
                        "--keyhole.data-dir=" + home.resolve("data"),
                        "--keyhole.ott.fixed-domain=example.test",
                        "--keyhole.ott.fixed-code=" + SyncTestSupport.CODE)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile())
                .start();
        base = URI.create("http://127.0.0.1:" + port);
        awaitPing();
    }

    @AfterAll
    void stopTheJar() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void aSpecWrittenClientSignsUpLogsInAndSyncsAndIsRefusedWhereItMustBe() {
        String email = "jar-" + UUID.randomUUID() + "@example.test";
        EnteTestClient phone = new EnteTestClient(base);
        phone.signUp(email, SyncTestSupport.CODE, SyncTestSupport.keys());
        EnteVaultClient phoneVault = new EnteVaultClient(phone).openOrCreateKey();
        UUID first = phoneVault.create("otpauth://totp/Jar:one?secret=JBSWY3DPEHPK3PXP&issuer=Jar");
        UUID second = phoneVault.create("otpauth://totp/Jar:two?secret=JBSWY3DPEHPK3PXP&issuer=Jar");
        UUID third = phoneVault.create("otpauth://hotp/Jar:three?secret=JBSWY3DPEHPK3PXP&counter=3");

        EnteTestClient laptop = new EnteTestClient(base);
        expect(laptop.logIn(email, PASSWORD), 200);
        EnteVaultClient laptopVault = new EnteVaultClient(laptop).openOrCreateKey();
        assertThat(laptopVault.sync(1)).containsOnlyKeys(first, second, third);
        expect(laptopVault.update(second, "otpauth://totp/Jar:two-renamed?secret=JBSWY3DPEHPK3PXP&issuer=Jar"), 200);
        expect(phoneVault.delete(third), 200);
        Map<UUID, String> converged = phoneVault.sync(2);
        assertThat(converged).isEqualTo(laptopVault.sync(2)).containsOnlyKeys(first, second);
        assertThat(converged.get(second)).contains("two-renamed");

        assertThat(new EnteTestClient(base).logIn(email, "not the password").status())
                .isEqualTo(401);
        assertReplayRefused(email);
        EnteTestClient stranger = new EnteTestClient(base);
        stranger.signUp(
                "jar-other-" + UUID.randomUUID() + "@example.test", SyncTestSupport.CODE, SyncTestSupport.keys());
        EnteVaultClient strangerVault = new EnteVaultClient(stranger).openOrCreateKey();
        assertThat(expect(strangerVault.update(first, "otpauth://totp/Evil:x?secret=JBSWY3DP"), 404)
                        .code())
                .isEqualTo("NOT_FOUND");
        expect(strangerVault.delete(first), 404);
        assertThat(phoneVault.sync(500)).isEqualTo(converged);
    }

    private void assertReplayRefused(String email) {
        JsonNode attributes = new EnteTestClient(base)
                .get("/users/srp/attributes?email=" + email)
                .body()
                .path("attributes");
        String srpUserId = attributes.path("srpUserID").asString();
        SrpClient srp = new SrpClient(
                EnteKeys.unb64(attributes.path("srpSalt").asString()),
                srpUserId,
                SyncTestSupport.keys().loginKey());
        JsonNode session = new EnteTestClient(base)
                .post(
                        "/users/srp/create-session",
                        JSON.createObjectNode().put("srpUserID", srpUserId).put("srpA", b64(srp.publicA())))
                .body();
        JsonNode proof = JSON.createObjectNode()
                .put("sessionID", session.path("sessionID").asString())
                .put("srpUserID", srpUserId)
                .put(
                        "srpM1",
                        b64(srp.computeM1(EnteKeys.unb64(session.path("srpB").asString()))));
        expect(new EnteTestClient(base).post("/users/srp/verify-session", proof), 200);
        assertThat(expect(new EnteTestClient(base).post("/users/srp/verify-session", proof), 410)
                        .code())
                .isEqualTo("SESSION_ALREADY_VERIFIED");
    }

    private void awaitPing() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        EnteTestClient probe = new EnteTestClient(base);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive())
                    .as("the jar exited; see %s", home.resolve("server.log"))
                    .isTrue();
            try {
                if (probe.get("/ping").status() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYetListening) {
                // The port is not open yet: poll again shortly.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not answer /ping within 90 s:\n"
                + String.join("\n", List.of(Files.readString(home.resolve("server.log")))));
    }
}
