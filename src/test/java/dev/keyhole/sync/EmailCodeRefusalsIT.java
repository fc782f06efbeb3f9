package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient.Response;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code /users/ott} and {@code /users/verify-email}: Ente's limits, and nothing stored when refused. */
@ExtendWith(OutputCaptureExtension.class)
class EmailCodeRefusalsIT extends H2SyncCase {

    private Response send(EnteTestClient device, String email) {
        return device.post(
                "/users/ott", JSON.createObjectNode().put("email", email).put("purpose", "login"));
    }

    private Response verify(EnteTestClient device, String email, String code) {
        return device.post(
                "/users/verify-email",
                JSON.createObjectNode().put("email", email).put("ott", code));
    }

    private long accounts(String email) {
        return count("SELECT COUNT(*) FROM users WHERE email = ?", email);
    }

    @Test
    void verifyEmailWhenCodeIsWrongThenUnauthorizedAndNoAccount() {
        EnteTestClient device = newClient();
        String email = newEmail("wrong");
        expect(send(device, email), 200);

        Response refused = expect(verify(device, email, "000000"), 401);

        assertThat(refused.code()).isEqualTo("INCORRECT_CODE");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void verifyEmailWhenCodeExpiredThenGone() {
        EnteTestClient device = newClient();
        String email = newEmail("late");
        expect(send(device, email), 200);
        clock.advance(Duration.ofHours(1).plusNanos(1000));

        assertThat(expect(verify(device, email, CODE), 410).code()).isEqualTo("CODE_EXPIRED");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void verifyEmailWhenNoCodeWasSentThenGone() {
        assertThat(expect(verify(newClient(), newEmail("never"), CODE), 410).code())
                .isEqualTo("CODE_EXPIRED");
    }

    @Test
    void verifyEmailAfterTwentyWrongCodesThenLockedEvenForTheRightCodeUntilTheCodesExpire() {
        EnteTestClient device = newClient();
        String email = newEmail("guesser");
        expect(send(device, email), 200);
        for (int i = 0; i < 20; i++) {
            expect(verify(device, email, "%06d".formatted(i)), 401);
        }

        assertThat(expect(verify(device, email, CODE), 429).code()).isEqualTo("TOO_MANY_WRONG_ATTEMPTS");
        assertThat(accounts(email)).isZero();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        expect(send(device, email), 200);
        expect(verify(device, email, CODE), 200);
    }

    @Test
    void sendCodeWhenTenAreActiveThenTooManyRequests() {
        EnteTestClient device = newClient();
        String email = newEmail("spam");
        for (int i = 0; i < 10; i++) {
            expect(send(device, email), 200);
        }

        assertThat(expect(send(device, email), 429).code()).isEqualTo("TOO_MANY_CODES");
        assertThat(count("SELECT COUNT(*) FROM email_codes WHERE email = ?", email))
                .isEqualTo(10);
    }

    @Test
    void sendCodeWhenEmailIsMissingOrMalformedThenBadRequest() {
        EnteTestClient device = newClient();
        assertThat(expect(device.post("/users/ott", JSON.createObjectNode()), 400)
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(expect(send(device, "not-an-email"), 400).code()).isEqualTo("INVALID_EMAIL");
        assertThat(expect(
                                device.post(
                                        "/users/verify-email",
                                        JSON.createObjectNode().put("email", "a@b.c")),
                                400)
                        .code())
                .isEqualTo("MISSING_FIELD");
    }

    @Test
    void sendCodeWithoutSmtpLogsTheCodeOnceAndStoresOnlyItsHash(CapturedOutput output) {
        EnteTestClient device = newClient();
        String email = newEmail("logged").replace("@example.test", "@elsewhere.test");
        expect(send(device, email), 200);

        Matcher logged = Pattern.compile("Verification code for " + Pattern.quote(email) + ": (\\d{6})")
                .matcher(output.getOut());
        assertThat(logged.find()).isTrue();
        String code = logged.group(1);
        assertThat(jdbc.sql("SELECT code_hash FROM email_codes WHERE email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .hasSize(64)
                .doesNotContain(code);

        Response verified = expect(verify(device, "  " + email.toUpperCase() + " ", code), 200);
        assertThat(verified.body().path("token").asString()).hasSize(44);
        assertThat(output.getOut()).doesNotContain(verified.body().path("token").asString());
    }

    @Test
    void verifyEmailForAFinishedAccountSealsTheTokenToItsPublicKey() {
        String email = newEmail("finished");
        signedUp(email);
        EnteTestClient device = newClient();
        expect(send(device, email), 200);

        Response verified = expect(verify(device, email, CODE), 200);

        assertThat(verified.body().has("token")).isFalse();
        device.openSession(verified.body(), keys().kek());
        expect(device.get("/users/sessions"), 200);
    }
}
