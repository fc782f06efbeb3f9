package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static dev.keyhole.sync.EnteTwoFactorClient.emailMfa;
import static dev.keyhole.sync.EnteTwoFactorClient.turnOn;
import static dev.keyhole.sync.EnteTwoFactorClient.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteTestClient.Response;
import dev.keyhole.sync.EnteTwoFactorClient.Authenticator;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ente's email verification on sign-in (PUT /users/email-mfa): with it on, the SRP attributes say so,
 * create-session refuses the password (409 EMAIL_MFA_ENABLED) and the emailed code signs in; decoys for
 * unknown emails behave the same way for the share of them that claim it.
 */
abstract class EmailMfaContract extends SyncTestSupport {

    private String email;
    private EnteTestClient phone;

    @BeforeEach
    void aliceHasAnAccount() {
        email = newEmail("alice");
        phone = signedUp(email);
    }

    @Test
    void withEmailVerificationOnThePasswordIsRefusedAndTheEmailedCodeSignsIn() {
        expect(emailMfa(phone, true), 200);

        JsonNode attributes = attributes(email);
        Response session = createSession(attributes);
        JsonNode signedIn = expect(verifyEmail(newClient()), 200).body();

        assertThat(attributes.path("isEmailMFAEnabled").asBoolean()).isTrue();
        assertThat(session.status()).isEqualTo(409);
        assertThat(session.code()).isEqualTo("EMAIL_MFA_ENABLED");
        assertThat(signedIn.has("encryptedToken")).isTrue();
        assertThat(signedIn.has("keyAttributes")).isTrue();
    }

    @Test
    void turnedOffThePasswordSignsInAgain() {
        expect(emailMfa(phone, true), 200);

        expect(emailMfa(phone, false), 200);

        assertThat(attributes(email).path("isEmailMFAEnabled").asBoolean()).isFalse();
        assertThat(expect(newClient().logIn(email, PASSWORD), 200).body().has("encryptedToken"))
                .isTrue();
    }

    @Test
    void withTotpOnTooTheEmailedCodeIsHeldForTheTotpCode() {
        Authenticator app = turnOn(phone, clock);
        expect(emailMfa(phone, true), 200);
        clock.advance(Duration.ofSeconds(30));

        JsonNode held = expect(verifyEmail(newClient()), 200).body();

        assertThat(held.has("encryptedToken")).isFalse();
        expect(verify(newClient(), held.path("twoFactorSessionID").asString(), app.code()), 200);
    }

    @Test
    void badRequestsChangeNothing() {
        Response missing = phone.put("/users/email-mfa", JSON.createObjectNode());
        Response noToken = emailMfa(newClient(), true);
        EnteTestClient keyless = withTokenOnly(newEmail("keyless"));
        Response offWithoutPassword = emailMfa(keyless, false);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(offWithoutPassword.status()).isEqualTo(409);
        assertThat(attributes(email).path("isEmailMFAEnabled").asBoolean()).isFalse();
        assertThat(expect(newClient().logIn(email, PASSWORD), 200).body().has("encryptedToken"))
                .isTrue();
    }

    /**
     * An unknown email's decoy says isEmailMFAEnabled for about one in five, always the same answer, and
     * create-session then refuses its srpUserID exactly as it refuses a real account with it on.
     */
    @Test
    void decoysThatClaimEmailVerificationAreRefusedByCreateSessionLikeRealOnes() {
        int on = 0;
        for (int i = 0; i < 60; i++) {
            String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
            JsonNode decoy = attributes(unknown);
            assertThat(attributes(unknown)).isEqualTo(decoy);
            Response session = createSession(decoy);
            if (decoy.path("isEmailMFAEnabled").asBoolean()) {
                on++;
                assertThat(session.status()).isEqualTo(409);
                assertThat(session.code()).isEqualTo("EMAIL_MFA_ENABLED");
            } else {
                assertThat(session.status()).isEqualTo(200);
            }
        }
        // 60 draws at p = 0.2: outside 2..26 about once in 50,000 runs.
        assertThat(on).isBetween(2, 26);
    }

    private JsonNode attributes(String address) {
        return expect(newClient().get("/users/srp/attributes?email=" + address), 200)
                .body()
                .path("attributes");
    }

    private Response createSession(JsonNode attributes) {
        byte[] a = Sodium.randomBytes(512);
        a[0] = 1;
        return newClient()
                .post(
                        "/users/srp/create-session",
                        JSON.createObjectNode()
                                .put("srpUserID", attributes.path("srpUserID").asString())
                                .put("srpA", Base64.getEncoder().encodeToString(a)));
    }

    private Response verifyEmail(EnteTestClient client) {
        return client.signInWithEmailedCode(email, CODE);
    }
}
