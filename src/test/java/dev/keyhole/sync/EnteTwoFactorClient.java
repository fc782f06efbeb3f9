package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;

import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.otp.Base32;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.OtpGenerator;
import dev.keyhole.sync.EnteTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What Ente's apps send for the TOTP second factor and email verification (web/packages/accounts/services/
 * user.ts, mobile/packages/accounts/lib/services/user_service.dart), with an authenticator app that holds
 * the seed and reads codes off a clock.
 */
public final class EnteTwoFactorClient {

    /** The authenticator app the user scanned the setup's QR code into. */
    public record Authenticator(String seed, Clock clock) {
        public String code() {
            return codeIn(Duration.ZERO);
        }

        public String codeIn(Duration offset) {
            return OtpGenerator.totp(
                    Base32.decode(seed),
                    HashAlgorithm.SHA1,
                    clock.instant().plus(offset).getEpochSecond(),
                    30,
                    6);
        }
    }

    private EnteTwoFactorClient() {}

    public static Response setup(EnteTestClient client) {
        return client.post("/users/two-factor/setup", JSON.createObjectNode());
    }

    /** Enable as Ente's web does: the seed secretbox-encrypted with the recovery key goes along. */
    public static Response enable(EnteTestClient client, String seed, String code) {
        Boxed box = Sodium.secretbox(seed.getBytes(StandardCharsets.US_ASCII), recoveryKey(client));
        return client.post(
                "/users/two-factor/enable",
                JSON.createObjectNode()
                        .put("code", code)
                        .put("encryptedTwoFactorSecret", b64(box.ciphertext()))
                        .put("twoFactorSecretDecryptionNonce", b64(box.nonce())));
    }

    /** setup then enable with the current code: the account's authenticator. */
    public static Authenticator turnOn(EnteTestClient client, Clock clock) {
        String seed = expect(setup(client), 200).body().path("secretCode").asString();
        Authenticator app = new Authenticator(seed, clock);
        expect(enable(client, seed, app.code()), 200);
        return app;
    }

    public static Response verify(EnteTestClient client, String sessionId, String code) {
        return client.post(
                "/users/two-factor/verify",
                JSON.createObjectNode().put("sessionID", sessionId).put("code", code));
    }

    public static Response status(EnteTestClient client) {
        return client.get("/users/two-factor/status");
    }

    public static Response recover(EnteTestClient client, String sessionId, String type) {
        return client.get("/users/two-factor/recover?sessionID=" + sessionId + "&twoFactorType=" + type);
    }

    /** The recovery copy opened with the recovery key, as Ente's clients do, then sent back. */
    public static Response remove(EnteTestClient client, String sessionId, JsonNode recovery, byte[] recoveryKey) {
        byte[] seed = Sodium.secretboxOpen(
                unb64(recovery.path("encryptedSecret").asString()),
                unb64(recovery.path("secretDecryptionNonce").asString()),
                recoveryKey);
        return removeWith(client, sessionId, new String(seed, StandardCharsets.US_ASCII));
    }

    public static Response removeWith(EnteTestClient client, String sessionId, String secret) {
        return client.post(
                "/users/two-factor/remove",
                JSON.createObjectNode()
                        .put("sessionID", sessionId)
                        .put("secret", secret)
                        .put("twoFactorType", "totp"));
    }

    public static Response emailMfa(EnteTestClient client, boolean enabled) {
        return client.put("/users/email-mfa", JSON.createObjectNode().put("isEnabled", enabled));
    }

    /** The recovery key, as a signed-in client has it: opened from the key attributes with the master key. */
    public static byte[] recoveryKey(EnteTestClient client) {
        JsonNode attributes =
                expect(client.get("/users/session-validity/v2"), 200).body().path("keyAttributes");
        return Sodium.secretboxOpen(
                unb64(attributes.path("recoveryKeyEncryptedWithMasterKey").asString()),
                unb64(attributes.path("recoveryKeyDecryptionNonce").asString()),
                client.masterKey());
    }
}
