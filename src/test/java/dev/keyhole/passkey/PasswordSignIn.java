package dev.keyhole.passkey;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteTestClient.Response;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sync client's sign-in, step by step as in docs/protocol.md §3, stopping where the server answers:
 * with the sealed token, or with a passkeySessionID. Then opens a sealed token the way a client does.
 */
final class PasswordSignIn {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private PasswordSignIn() {}

    /** SRP against the account (the server's M2 is checked whenever it answers 200). */
    static Response verifySession(EnteTestClient client, String email, String password) {
        return client.logIn(email, password);
    }

    /** The emailed-code sign-in (the server's fixed code for the test domain). */
    static Response verifyEmail(EnteTestClient client, String email, String code) {
        return client.signInWithEmailedCode(email, code);
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
