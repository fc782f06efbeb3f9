package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every response has exactly the JSON fields of Ente's server (spec sections 2-3), in its encodings. */
class WireShapeIT extends H2SyncCase {

    private static final Set<String> SESSION_FIELDS =
            Set.of("id", "passkeySessionID", "accountsUrl", "twoFactorSessionID", "twoFactorSessionIDV2");
    private static final Set<String> KEY_ATTRIBUTES = Set.of(
            "kekSalt",
            "kekHash",
            "encryptedKey",
            "keyDecryptionNonce",
            "publicKey",
            "encryptedSecretKey",
            "secretKeyDecryptionNonce",
            "memLimit",
            "opsLimit",
            "masterKeyEncryptedWithRecoveryKey",
            "masterKeyDecryptionNonce",
            "recoveryKeyEncryptedWithMasterKey",
            "recoveryKeyDecryptionNonce");

    private static Set<String> fields(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }

    private static Set<String> plus(Set<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void signUpAndSignInResponsesHaveEntesFieldsAndEncodings() {
        String email = newEmail("shape");
        EnteTestClient device = newClient();
        expect(device.post("/users/ott", JSON.createObjectNode().put("email", email)), 200);
        JsonNode verified = expect(
                        device.post(
                                "/users/verify-email",
                                JSON.createObjectNode().put("email", email).put("ott", CODE)),
                        200)
                .body();
        assertThat(fields(verified)).isEqualTo(plus(SESSION_FIELDS, "token"));
        assertThat(verified.path("id").isNumber()).isTrue();
        assertThat(verified.path("passkeySessionID").asString()).isEmpty();
        String token = verified.path("token").asString();
        assertThat(token).hasSize(44).endsWith("=").doesNotContain("+", "/");
        device.useToken(token);
        expect(
                device.put("/users/attributes", JSON.createObjectNode().set("keyAttributes", keys().keyAttributes())),
                200);

        UUID srpUserId = UUID.randomUUID();
        byte[] salt = Sodium.randomBytes(16);
        SrpClient srp = new SrpClient(salt, srpUserId.toString(), keys().loginKey());
        JsonNode setup = expect(
                        device.post(
                                "/users/srp/setup",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId.toString())
                                        .put("srpSalt", b64(salt))
                                        .put(
                                                "srpVerifier",
                                                b64(SrpClient.computeVerifier(
                                                        salt, srpUserId.toString(), keys().loginKey())))
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        assertThat(fields(setup)).containsExactlyInAnyOrder("setupID", "srpB");
        JsonNode complete = expect(
                        device.post(
                                "/users/srp/complete",
                                JSON.createObjectNode()
                                        .put("setupID", setup.path("setupID").asString())
                                        .put(
                                                "srpM1",
                                                b64(srp.computeM1(
                                                        unb64(setup.path("srpB").asString()))))),
                        200)
                .body();
        assertThat(fields(complete)).containsExactlyInAnyOrder("setupID", "srpM2");

        JsonNode attributes =
                expect(device.get("/users/srp/attributes?email=" + email), 200).body();
        assertThat(fields(attributes)).containsExactly("attributes");
        assertThat(fields(attributes.path("attributes")))
                .containsExactlyInAnyOrder(
                        "srpUserID", "srpSalt", "memLimit", "opsLimit", "kekSalt", "isEmailMFAEnabled");
        assertThat(attributes.path("attributes").path("srpUserID").asString()).isEqualTo(srpUserId.toString());

        SrpClient login = new SrpClient(salt, srpUserId.toString(), keys().loginKey());
        JsonNode session = expect(
                        newClient()
                                .post(
                                        "/users/srp/create-session",
                                        JSON.createObjectNode()
                                                .put("srpUserID", srpUserId.toString())
                                                .put("srpA", b64(login.publicA()))),
                        200)
                .body();
        assertThat(fields(session)).containsExactlyInAnyOrder("sessionID", "srpB");
        JsonNode signedIn = expect(
                        newClient()
                                .post(
                                        "/users/srp/verify-session",
                                        JSON.createObjectNode()
                                                .put(
                                                        "sessionID",
                                                        session.path("sessionID")
                                                                .asString())
                                                .put("srpUserID", srpUserId.toString())
                                                .put(
                                                        "srpM1",
                                                        b64(login.computeM1(unb64(session.path("srpB")
                                                                .asString()))))),
                        200)
                .body();
        assertThat(fields(signedIn)).isEqualTo(plus(SESSION_FIELDS, "keyAttributes", "encryptedToken", "srpM2"));
        assertThat(fields(signedIn.path("keyAttributes"))).isEqualTo(KEY_ATTRIBUTES);
        assertThat(signedIn.path("keyAttributes").path("kekHash").asString()).isEmpty();
        // crypto_box_seal of the 32 raw token bytes: 32 + 48 bytes of overhead.
        assertThat(unb64(signedIn.path("encryptedToken").asString())).hasSize(80);
        assertThat(signedIn.path("id").asLong()).isEqualTo(verified.path("id").asLong());
    }

    @Test
    void authenticatorResponsesHaveEntesFields() {
        EnteVaultClient vault = new EnteVaultClient(signedUp(newEmail("fields"))).openOrCreateKey();
        EnteTestClient device = vault.client();
        JsonNode key = expect(device.get("/authenticator/key"), 200).body();
        assertThat(fields(key)).containsExactlyInAnyOrder("userID", "encryptedKey", "header", "createdAt");
        JsonNode created = expect(
                        device.post("/authenticator/entity", vault.encrypt("otpauth://totp/F:f?secret=JBSWY3DP")), 200)
                .body();
        assertThat(fields(created))
                .containsExactlyInAnyOrder(
                        "id", "userID", "encryptedData", "header", "isDeleted", "createdAt", "updatedAt");
        assertThat(created.path("userID").asLong()).isEqualTo(key.path("userID").asLong());

        JsonNode diff = expect(device.get("/authenticator/entity/diff?sinceTime=0&limit=10"), 200)
                .body();
        assertThat(fields(diff)).containsExactlyInAnyOrder("diff", "timestamp");
        assertThat(diff.path("diff").get(0)).isEqualTo(created);
        assertThat(diff.path("timestamp").asLong()).isBetween(1_700_000_000_000_000L, 9_999_999_999_999_999L);

        JsonNode sessions = expect(device.get("/users/sessions"), 200).body();
        assertThat(fields(sessions.path("sessions").get(0)))
                .containsExactlyInAnyOrder("token", "creationTime", "ip", "ua", "prettyUA", "lastUsedTime");
        assertThat(fields(expect(device.get("/authenticator/entity/diff?sinceTime=0&limit=0"), 400)
                        .body()))
                .containsExactlyInAnyOrder("code", "message");
        assertThat(expect(newClient().get("/ping"), 200).body().path("message").asString())
                .isEqualTo("pong");
    }
}
