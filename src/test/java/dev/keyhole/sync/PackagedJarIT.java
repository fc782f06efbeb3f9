package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.SrpClient;
import dev.keyhole.testing.PackagedJar;
import java.net.URI;
import java.nio.file.Path;
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

    private PackagedJar server;
    private URI base;

    @BeforeAll
    void startTheJar() throws Exception {
        server = PackagedJar.start(
                home, "--keyhole.ott.fixed-domain=example.test", "--keyhole.ott.fixed-code=" + SyncTestSupport.CODE);
        base = server.base();
    }

    @AfterAll
    void stopTheJar() throws InterruptedException {
        if (server != null) {
            server.close();
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
}
