package dev.keyhole.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.Vectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks a whole Ente account from the password down to each code, as an Ente client would. The real-kdf
 * account (256 MiB, 16 ops, what Ente's web client picks) takes a few seconds of Argon2id, and is kept
 * because it is the only check that Ente's actual parameters pass through to libsodium intact.
 */
class EnteAccountVectorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"ente-account-fast.json", "ente-account-real-kdf.json"})
    void thePasswordUnlocksTheAccountAndEveryLiveEntityDecryptsToItsOtpauthUri(String vectorFile) {
        JsonNode account = Vectors.json(vectorFile);
        JsonNode attributes = account.get("keyAttributes");
        JsonNode secrets = account.get("secretsForTestsOnly");
        byte[] kek = Sodium.argon2id(
                account.get("password").stringValue().getBytes(UTF_8),
                b64(attributes, "kekSalt"),
                attributes.get("opsLimit").longValue(),
                attributes.get("memLimit").longValue());
        assertThat(kek).isEqualTo(b64(secrets, "kekB64"));

        byte[] loginKey = Sodium.loginKey(kek);
        assertThat(loginKey).isEqualTo(b64(secrets, "loginKeyB64"));

        byte[] masterKey =
                Sodium.secretboxOpen(b64(attributes, "encryptedKey"), b64(attributes, "keyDecryptionNonce"), kek);
        assertThat(masterKey).isEqualTo(b64(secrets, "masterKeyB64"));

        byte[] secretKey = Sodium.secretboxOpen(
                b64(attributes, "encryptedSecretKey"), b64(attributes, "secretKeyDecryptionNonce"), masterKey);
        assertThatSecretKeyBelongsToThePublicKey(secretKey, b64(attributes, "publicKey"));

        JsonNode srp = account.get("srp");
        assertThat(SrpClient.computeVerifier(
                        b64(srp, "srpSalt"), srp.get("srpUserID").stringValue(), loginKey))
                .isEqualTo(b64(srp, "srpVerifier"));

        JsonNode wrappedAuthKey = account.get("authenticatorKey");
        byte[] authenticatorKey =
                Sodium.secretboxOpen(b64(wrappedAuthKey, "encryptedKey"), b64(wrappedAuthKey, "header"), masterKey);
        assertThat(authenticatorKey).isEqualTo(b64(secrets, "authenticatorKeyB64"));

        assertThat(decryptLiveEntities(account, authenticatorKey))
                .containsExactlyElementsOf(expectedPlaintexts(account));
    }

    @Test
    void theTombstoneCarriesNoCiphertext() {
        List<JsonNode> deleted = Vectors.json("ente-account-fast.json").get("entities").values().stream()
                .filter(entity -> entity.get("isDeleted").booleanValue())
                .toList();
        assertThat(deleted).hasSize(1);
        assertThat(deleted.getFirst().get("encryptedData").isNull()).isTrue();
        assertThat(deleted.getFirst().get("header").isNull()).isTrue();
    }

    private static List<String> decryptLiveEntities(JsonNode account, byte[] authenticatorKey) {
        List<String> plaintexts = new ArrayList<>();
        for (JsonNode entity : account.get("entities")) {
            if (entity.get("isDeleted").booleanValue()) {
                continue;
            }
            byte[] json =
                    Sodium.secretstreamDecrypt(b64(entity, "encryptedData"), b64(entity, "header"), authenticatorKey);
            JsonNode plaintext = JSON.readTree(new String(json, UTF_8));
            assertThat(plaintext.isString())
                    .as("entity %s is a JSON string", entity.get("id"))
                    .isTrue();
            plaintexts.add(plaintext.stringValue());
        }
        return plaintexts;
    }

    private static List<String> expectedPlaintexts(JsonNode account) {
        return account.get("expectedPlaintexts").values().stream()
                .map(JsonNode::stringValue)
                .toList();
    }

    // The only way to use the secret key is to open something sealed to the public key.
    private static void assertThatSecretKeyBelongsToThePublicKey(byte[] secretKey, byte[] publicKey) {
        byte[] token = Sodium.randomBytes(32);
        byte[] sealed = Sodium.sealedBoxSeal(token, publicKey);
        assertThat(Sodium.sealedBoxOpen(sealed, publicKey, secretKey)).isEqualTo(token);
    }

    private static byte[] b64(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.get(field).stringValue());
    }
}
