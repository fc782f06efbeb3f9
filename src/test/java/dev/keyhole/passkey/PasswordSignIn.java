package dev.keyhole.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteTestClient.Response;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sync client's sign-in, step by step as in ente-protocol.md §2.3-2.5, stopping where the server answers:
 * with the sealed token, or with a passkeySessionID. Then opens a sealed token the way a client does.
 */
final class PasswordSignIn {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private PasswordSignIn() {}

    /** SRP against the account; the server's M2 is checked whenever it answers 200. */
    static Response verifySession(EnteTestClient client, String email, String password) {
        JsonNode attributes = EnteTestClient.expect(client.get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes");
        byte[] kek = EnteKeys.deriveKek(
                password,
                unb64(attributes.path("kekSalt").asString()),
                attributes.path("memLimit").asLong(),
                attributes.path("opsLimit").asLong());
        String srpUserId = attributes.path("srpUserID").asString();
        SrpClient srp = new SrpClient(unb64(attributes.path("srpSalt").asString()), srpUserId, Sodium.loginKey(kek));
        JsonNode session = EnteTestClient.expect(
                        client.post(
                                "/users/srp/create-session",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId)
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        Response verified = client.post(
                "/users/srp/verify-session",
                JSON.createObjectNode()
                        .put("sessionID", session.path("sessionID").asString())
                        .put("srpUserID", srpUserId)
                        .put(
                                "srpM1",
                                b64(srp.computeM1(unb64(session.path("srpB").asString())))));
        if (verified.status() == 200) {
            assertThat(srp.verifyM2(unb64(verified.body().path("srpM2").asString())))
                    .as("server's M2")
                    .isTrue();
        }
        return verified;
    }

    /** The emailed-code sign-in (the server's fixed code for the test domain). */
    static Response verifyEmail(EnteTestClient client, String email, String code) {
        EnteTestClient.expect(
                client.post(
                        "/users/ott",
                        JSON.createObjectNode().put("email", email).put("purpose", "login")),
                200);
        return client.post(
                "/users/verify-email",
                JSON.createObjectNode().put("email", email).put("ott", code));
    }

    /** The token inside {keyAttributes, encryptedToken}, as a client with the password opens it. */
    static String openToken(JsonNode signedIn, String password) {
        JsonNode attributes = signedIn.path("keyAttributes");
        byte[] kek = EnteKeys.deriveKek(
                password,
                unb64(attributes.path("kekSalt").asString()),
                attributes.path("memLimit").asLong(),
                attributes.path("opsLimit").asLong());
        byte[] master = Sodium.secretboxOpen(
                unb64(attributes.path("encryptedKey").asString()),
                unb64(attributes.path("keyDecryptionNonce").asString()),
                kek);
        byte[] secretKey = Sodium.secretboxOpen(
                unb64(attributes.path("encryptedSecretKey").asString()),
                unb64(attributes.path("secretKeyDecryptionNonce").asString()),
                master);
        byte[] token = Sodium.sealedBoxOpen(
                unb64(signedIn.path("encryptedToken").asString()),
                unb64(attributes.path("publicKey").asString()),
                secretKey);
        return Base64.getUrlEncoder().encodeToString(token);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
