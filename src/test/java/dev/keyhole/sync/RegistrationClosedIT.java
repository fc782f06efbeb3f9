package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With {@code keyhole.registration.enabled=false}, a code opens existing accounts only. */
@TestPropertySource(properties = "keyhole.registration.enabled=false")
class RegistrationClosedIT extends SyncTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Test
    void verifyEmailForANewEmailThenForbiddenAndNothingStoredButTheCode() {
        EnteTestClient device = newClient();
        String email = newEmail("stranger");
        expect(device.post("/users/ott", JSON.createObjectNode().put("email", email)), 200);
        long tokens = count("SELECT COUNT(*) FROM tokens");

        EnteTestClient.Response refused = expect(
                device.post(
                        "/users/verify-email",
                        JSON.createObjectNode().put("email", email).put("ott", CODE)),
                403);

        assertThat(refused.code()).isEqualTo("REGISTRATION_DISABLED");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
        assertThat(count("SELECT COUNT(*) FROM tokens")).isEqualTo(tokens);
        assertThat(count("SELECT COUNT(*) FROM email_codes WHERE email = ?", email))
                .isEqualTo(1);
    }

    @Test
    void verifyEmailForAnExistingAccountStillSignsIn() {
        String email = newEmail("member");
        jdbc.sql("INSERT INTO users (email, created_at) VALUES (?, 0)")
                .param(email)
                .update();
        EnteTestClient device = newClient();
        expect(device.post("/users/ott", JSON.createObjectNode().put("email", email)), 200);

        EnteTestClient.Response verified = expect(
                device.post(
                        "/users/verify-email",
                        JSON.createObjectNode().put("email", email).put("ott", CODE)),
                200);

        assertThat(verified.body().path("token").asString()).isNotEmpty();
    }
}
