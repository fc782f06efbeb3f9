package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static dev.keyhole.sync.EnteTwoFactorClient.enable;
import static dev.keyhole.sync.EnteTwoFactorClient.recover;
import static dev.keyhole.sync.EnteTwoFactorClient.recoveryKey;
import static dev.keyhole.sync.EnteTwoFactorClient.remove;
import static dev.keyhole.sync.EnteTwoFactorClient.removeWith;
import static dev.keyhole.sync.EnteTwoFactorClient.setup;
import static dev.keyhole.sync.EnteTwoFactorClient.status;
import static dev.keyhole.sync.EnteTwoFactorClient.turnOn;
import static dev.keyhole.sync.EnteTwoFactorClient.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient.Response;
import dev.keyhole.sync.EnteTwoFactorClient.Authenticator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Ente's TOTP second factor as its apps use it: setup and enable from a signed-in device, then every
 * password or emailed-code sign-in answers a twoFactorSessionID and no token until a code (or the recovery
 * key) passes. Every refusal is checked to change nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class TwoFactorContract extends SyncTestSupport {

    private static final Set<String> HELD_FIELDS =
            Set.of("id", "passkeySessionID", "accountsUrl", "twoFactorSessionID", "twoFactorSessionIDV2", "srpM2");
    private static final Set<String> SIGNED_IN_FIELDS = Set.of("id", "keyAttributes", "encryptedToken");

    private String email;
    private EnteTestClient phone;
    private long userId;

    @BeforeEach
    void aliceHasAnAccount() {
        email = newEmail("alice");
        phone = signedUp(email);
        userId = count("SELECT id FROM users WHERE email = ?", email);
    }

    @Test
    void setupAnswersTheSeedAndItsQrCodeAsEnteDoes() throws Exception {
        JsonNode secret = expect(setup(phone), 200).body();

        assertThat(Set.copyOf(secret.propertyNames())).containsExactlyInAnyOrder("secretCode", "qrCode");
        assertThat(secret.path("secretCode").asString()).matches("[A-Z2-7]{32}");
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(secret.path("qrCode").asString())));
        assertThat(qr.getWidth()).isEqualTo(200);
        assertThat(qr.getHeight()).isEqualTo(200);
        assertThat(expect(status(phone), 200).body().path("status").asBoolean()).isFalse();
    }

    @Test
    void withTotpOnThePasswordAloneGetsASessionIdAndNoTokenThenTheCodeGetsOneThatWorks() {
        Authenticator app = turnOn(phone, clock);
        assertThat(expect(status(phone), 200).body().path("status").asBoolean()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        long tokensBefore = tokens();

        JsonNode held = expect(newClient().logIn(email, PASSWORD), 200).body();

        assertThat(Set.copyOf(held.propertyNames())).isEqualTo(HELD_FIELDS);
        String sessionId = held.path("twoFactorSessionID").asString();
        assertThat(Base64.getUrlDecoder().decode(sessionId)).hasSize(32);
        assertThat(sessionId).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(held.path("passkeySessionID").asString()).isEmpty();
        assertThat(held.path("twoFactorSessionIDV2").asString()).isEmpty();
        assertThat(tokens()).isEqualTo(tokensBefore);

        EnteTestClient laptop = newClient();
        JsonNode signedIn = expect(verify(laptop, sessionId, app.code()), 200).body();

        assertThat(Set.copyOf(signedIn.propertyNames())).isEqualTo(SIGNED_IN_FIELDS);
        assertThat(signedIn.path("id").asLong()).isEqualTo(userId);
        laptop.openSession(signedIn, keys().kek());
        assertThat(expect(status(laptop), 200).body().path("status").asBoolean())
                .isTrue();
        assertThat(tokens()).isEqualTo(tokensBefore + 1);
    }

    @Test
    void theEmailedCodeSignInIsHeldForTheTotpCodeToo() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));

        JsonNode held = expect(verifyEmail(newClient()), 200).body();

        assertThat(held.has("encryptedToken")).isFalse();
        assertThat(held.has("token")).isFalse();
        String sessionId = held.path("twoFactorSessionID").asString();
        assertThat(sessionId).hasSize(43);
        expect(verify(newClient(), sessionId, app.code()), 200);
    }

    @Test
    void aWrongCodeIsRefusedAndCountedAndChangesNothingElse() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String sessionId = heldSignIn();
        long tokensBefore = tokens();

        Response wrong = verify(newClient(), sessionId, otherThan(app.code()));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("INCORRECT_CODE");
        assertThat(tokens()).isEqualTo(tokensBefore);
        assertThat(count("SELECT wrong_attempts FROM two_factor_sessions WHERE user_id = ?", userId))
                .isEqualTo(1);
        expect(verify(newClient(), sessionId, app.code()), 200);
    }

    @Test
    void aCodeIsAcceptedOnceEvenInANewSession() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String code = app.code();
        expect(verify(newClient(), heldSignIn(), code), 200);
        long tokensBefore = tokens();

        Response replayed = verify(newClient(), heldSignIn(), code);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("INCORRECT_CODE");
        assertThat(tokens()).isEqualTo(tokensBefore);
    }

    @Test
    void theCodeThatTurnedTotpOnDoesNotSignIn() {
        String seed = expect(setup(phone), 200).body().path("secretCode").asString();
        Authenticator app = new Authenticator(seed, clock);
        String code = app.code();
        expect(enable(phone, seed, code), 200);

        assertThat(verify(newClient(), heldSignIn(), code).status()).isEqualTo(401);
    }

    @Test
    void aCodeOneStepEitherSideOfNowPassesButNotTwo() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofMinutes(5));
        String sessionId = heldSignIn();

        assertThat(verify(newClient(), sessionId, app.codeIn(Duration.ofSeconds(-60)))
                        .status())
                .isEqualTo(401);
        assertThat(verify(newClient(), sessionId, app.codeIn(Duration.ofSeconds(60)))
                        .status())
                .isEqualTo(401);
        expect(verify(newClient(), sessionId, app.codeIn(Duration.ofSeconds(-30))), 200);
        expect(verify(newClient(), heldSignIn(), app.codeIn(Duration.ofSeconds(30))), 200);
    }

    @Test
    void tenWrongCodesEndTheSessionEvenForTheRightOne() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String sessionId = heldSignIn();
        for (int i = 0; i < 10; i++) {
            assertThat(verify(newClient(), sessionId, otherThan(app.code())).status())
                    .isEqualTo(401);
        }
        long tokensBefore = tokens();

        Response locked = verify(newClient(), sessionId, app.code());

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("TOO_MANY_WRONG_ATTEMPTS");
        assertThat(tokens()).isEqualTo(tokensBefore);
        expect(verify(newClient(), heldSignIn(), app.code()), 200);
    }

    @Test
    void anUnknownUsedOrExpiredSessionIsNotFound() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String used = heldSignIn();
        expect(verify(newClient(), used, app.code()), 200);
        clock.advance(Duration.ofSeconds(30));
        String expiring = heldSignIn();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        long tokensBefore = tokens();

        for (String sessionId : new String[] {used, expiring, "bm90LWEtc2Vzc2lvbg"}) {
            Response refused = verify(newClient(), sessionId, app.code());
            assertThat(refused.status()).as(sessionId).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("TWO_FACTOR_SESSION_EXPIRED");
            assertThat(recover(newClient(), sessionId, "totp").status()).isEqualTo(404);
        }
        assertThat(tokens()).isEqualTo(tokensBefore);
    }

    @Test
    void enableRefusesAWrongCodeOrNoSetupAndChangesNothing() {
        String seed = expect(setup(phone), 200).body().path("secretCode").asString();
        Authenticator app = new Authenticator(seed, clock);

        Response wrong = enable(phone, seed, otherThan(app.code()));
        Response badNonce = phone.post(
                "/users/two-factor/enable",
                JSON.createObjectNode()
                        .put("code", app.code())
                        .put("encryptedTwoFactorSecret", "AAAA")
                        .put("twoFactorSecretDecryptionNonce", "AAAA"));
        Response tooLong = phone.post(
                "/users/two-factor/enable",
                JSON.createObjectNode()
                        .put("code", app.code())
                        .put("encryptedTwoFactorSecret", Base64.getEncoder().encodeToString(new byte[200]))
                        .put(
                                "twoFactorSecretDecryptionNonce",
                                Base64.getEncoder().encodeToString(new byte[24])));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("INCORRECT_CODE");
        assertThat(badNonce.status()).isEqualTo(400);
        assertThat(expect(status(phone), 200).body().path("status").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM two_factor WHERE user_id = ?", userId))
                .isZero();
        assertThat(expect(newClient().logIn(email, PASSWORD), 200).body().has("encryptedToken"))
                .isTrue();

        expect(enable(phone, seed, app.code()), 200);
        Response again = enable(phone, seed, app.codeIn(Duration.ofSeconds(30)));
        assertThat(again.status()).as("the setup is used up").isEqualTo(401);
    }

    @Test
    void theSetupNeedsAToken() {
        EnteTestClient stranger = newClient();
        assertThat(setup(stranger).status()).isEqualTo(401);
        assertThat(status(stranger).status()).isEqualTo(401);
        assertThat(stranger.post("/users/two-factor/disable", JSON.createObjectNode())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void disableTurnsItOffAndThePasswordSignsInAlone() {
        turnOn(phone, clock);

        expect(phone.post("/users/two-factor/disable", JSON.createObjectNode()), 200);

        assertThat(expect(status(phone), 200).body().path("status").asBoolean()).isFalse();
        assertThat(expect(newClient().logIn(email, PASSWORD), 200).body().has("encryptedToken"))
                .isTrue();
    }

    @Test
    void theRecoveryKeyTurnsItOffAndSignsIn() {
        turnOn(phone, clock);
        byte[] recoveryKey = recoveryKey(phone);
        String sessionId = heldSignIn();

        JsonNode copy = expect(recover(newClient(), sessionId, "totp"), 200).body();
        assertThat(Set.copyOf(copy.propertyNames()))
                .containsExactlyInAnyOrder("encryptedSecret", "secretDecryptionNonce");
        EnteTestClient laptop = newClient();
        JsonNode signedIn =
                expect(remove(laptop, sessionId, copy, recoveryKey), 200).body();

        assertThat(Set.copyOf(signedIn.propertyNames())).isEqualTo(SIGNED_IN_FIELDS);
        laptop.openSession(signedIn, keys().kek());
        assertThat(expect(status(laptop), 200).body().path("status").asBoolean())
                .isFalse();
        assertThat(expect(newClient().logIn(email, PASSWORD), 200).body().has("encryptedToken"))
                .isTrue();
    }

    @Test
    void aWrongRecoverySecretIsRefusedAndChangesNothing() {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String sessionId = heldSignIn();
        long tokensBefore = tokens();

        Response wrong = removeWith(newClient(), sessionId, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Response passkey = newClient()
                .post(
                        "/users/two-factor/remove",
                        JSON.createObjectNode()
                                .put("sessionID", sessionId)
                                .put("secret", app.seed())
                                .put("twoFactorType", "passkey"));

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("INCORRECT_RECOVERY_SECRET");
        assertThat(passkey.status()).isEqualTo(400);
        assertThat(recover(newClient(), sessionId, "passkey").status()).isEqualTo(400);
        assertThat(tokens()).isEqualTo(tokensBefore);
        assertThat(expect(status(phone), 200).body().path("status").asBoolean()).isTrue();
        expect(verify(newClient(), sessionId, app.code()), 200);
    }

    @Test
    void neitherTheSeedNorACodeNorASessionIdIsLogged(CapturedOutput output) {
        Authenticator app = turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));
        String sessionId = heldSignIn();
        String code = app.code();
        expect(verify(newClient(), sessionId, code), 200);

        assertThat(output.getAll()).doesNotContain(app.seed(), sessionId);
        assertThat(output.getAll()).contains("Account " + userId + " signed in (TOTP code after the first check");
    }

    private String heldSignIn() {
        String sessionId = expect(newClient().logIn(email, PASSWORD), 200)
                .body()
                .path("twoFactorSessionID")
                .asString();
        assertThat(sessionId).isNotEmpty();
        return sessionId;
    }

    private Response verifyEmail(EnteTestClient client) {
        return client.signInWithEmailedCode(email, CODE);
    }

    private long tokens() {
        return count("SELECT COUNT(*) FROM tokens WHERE user_id = ?", userId);
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
