package dev.keyhole.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.testing.TestLimits;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Keyhole server on a random port with fixed emailed codes for {@code @example.test}, a hand-moved
 * clock, and helpers to make signed-up accounts. Subclasses choose the database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            // No Vaadin dev server on the test classpath, and the sync API needs no frontend bundle.
            "vaadin.productionMode=true",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
@Import(TestClockConfiguration.class)
abstract class SyncTestSupport {

    static final String CODE = "123456";
    static final String PASSWORD = "correct horse battery staple";
    /** One Argon2id derivation (seconds at the server's floor) for every account of the test run. */
    private static EnteKeys keys;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** Rows matching a query, to check that a refused request stored nothing. */
    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static synchronized EnteKeys keys() {
        if (keys == null) {
            keys = EnteKeys.generate(PASSWORD);
        }
        return keys;
    }

    static String newEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.test";
    }

    EnteTestClient newClient() {
        return new EnteTestClient(URI.create("http://localhost:" + port));
    }

    /** A device that signed up a new account (code, key attributes, SRP) and holds its token. */
    EnteTestClient signedUp(String email) {
        EnteTestClient client = newClient();
        client.signUp(email, CODE, keys());
        return client;
    }

    /** A device that verified a new email but has not set keys yet: it holds a plain token. */
    EnteTestClient withTokenOnly(String email) {
        EnteTestClient client = newClient();
        EnteTestClient.expect(
                client.post("/users/ott", EnteTestClient.JSON.createObjectNode().put("email", email)), 200);
        EnteTestClient.Response verified = EnteTestClient.expect(
                client.post(
                        "/users/verify-email",
                        EnteTestClient.JSON
                                .createObjectNode()
                                .put("email", email)
                                .put("ott", CODE)),
                200);
        client.useToken(verified.body().path("token").asString());
        return client;
    }

    /** Another device that logged in to the account with the password. */
    EnteTestClient loggedIn(String email) {
        EnteTestClient client = newClient();
        EnteTestClient.expect(client.logIn(email, PASSWORD), 200);
        return client;
    }

    /**
     * Nobody signs in as {@code email} with {@code password}: its attributes are a decoy's (or the wrong
     * password's), and the exchange is refused with 401. One decoy in five claims email verification, as
     * Ente's do; create-session then refuses it with 409, exactly as for a real such account.
     */
    void assertPasswordSignInRefused(String email, String password) {
        var attributes = EnteTestClient.expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes");
        if (attributes.path("isEmailMFAEnabled").asBoolean()) {
            String srpUserId = attributes.path("srpUserID").asString();
            byte[] publicA = new SrpClient(Sodium.randomBytes(16), srpUserId, Sodium.randomBytes(16)).publicA();
            EnteTestClient.Response refused = newClient()
                    .post(
                            "/users/srp/create-session",
                            EnteTestClient.JSON
                                    .createObjectNode()
                                    .put("srpUserID", srpUserId)
                                    .put("srpA", Base64.getEncoder().encodeToString(publicA)));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("EMAIL_MFA_ENABLED");
        } else {
            assertThat(newClient().logIn(email, password).status()).isEqualTo(401);
        }
    }
}
