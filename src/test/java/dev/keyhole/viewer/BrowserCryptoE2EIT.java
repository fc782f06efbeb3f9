package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.testing.Vectors;
import dev.keyhole.testing.browser.BrowserCase;
import dev.keyhole.viewer.pages.BrowserCheckPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The browser's libsodium (libsodium-wrappers-sumo, bundled by Vaadin) agrees with the server's (lazysodium). */
class BrowserCryptoE2EIT extends BrowserCase {

    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Base64.Encoder B64_OUT = Base64.getEncoder();

    @Test
    void browserCheckPageRendersAndLoadsLibsodium() {
        String version = BrowserCheckPage.open(browser, waitUp(), baseUrl()).sodiumVersionOnceReady();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void browserLibsodiumAgreesWithLazysodiumOnTheSharedVectors() {
        JsonNode vectors = Vectors.json("sodium.json");
        Map<String, Object> inputs = JsonMapper.builder().build().convertValue(vectors, Map.class);
        BrowserCheckPage page = BrowserCheckPage.open(browser, waitUp(), baseUrl());
        page.sodiumVersionOnceReady();

        Map<String, Object> browserOut = page.runKnownAnswers(inputs);

        assertThat(browserOut).doesNotContainKey("error");
        List<String> serverArgon = new ArrayList<>();
        for (JsonNode c : vectors.get("argon2id")) {
            serverArgon.add(b64(Sodium.argon2id(
                    utf8(c.get("password").asString()),
                    bytes(c.get("salt")),
                    c.get("opsLimit").asLong(),
                    c.get("memLimit").asLong())));
        }
        assertThat(browserOut.get("argon2id")).isEqualTo(serverArgon);
        assertThat(browserOut.get("loginKey"))
                .isEqualTo(b64(Sodium.loginKey(bytes(vectors.get("kdfLoginKey").get("kekB64")))));

        JsonNode box = vectors.get("secretbox");
        assertThat(browserOut.get("secretboxCiphertext"))
                .isEqualTo(box.get("ciphertextB64").asString());
        assertThat(browserOut.get("secretboxPlaintext"))
                .isEqualTo(new String(
                        Sodium.secretboxOpen(
                                bytes(box.get("ciphertextB64")), bytes(box.get("nonceB64")), bytes(box.get("keyB64"))),
                        StandardCharsets.UTF_8));

        JsonNode stream = vectors.get("secretstreamSingleChunk");
        byte[] streamKey = bytes(stream.get("keyB64"));
        for (String tag : List.of("finalTag", "messageTag")) {
            String serverPlain = new String(
                    Sodium.secretstreamDecrypt(
                            bytes(stream.get(tag).get("ciphertext")),
                            bytes(stream.get(tag).get("header")),
                            streamKey),
                    StandardCharsets.UTF_8);
            String key = tag.equals("finalTag") ? "secretstreamFinal" : "secretstreamMessage";
            assertThat(browserOut.get(key)).isEqualTo(serverPlain);
        }
        Map<String, String> encrypted = (Map<String, String>) browserOut.get("secretstreamEncrypted");
        byte[] openedOnServer = Sodium.secretstreamDecrypt(
                B64.decode(encrypted.get("ciphertext")), B64.decode(encrypted.get("header")), streamKey);
        assertThat(new String(openedOnServer, StandardCharsets.UTF_8))
                .isEqualTo(stream.get("plaintext").asString());

        JsonNode sealed = vectors.get("sealedBox");
        assertThat(browserOut.get("sealedBoxPlaintext"))
                .isEqualTo(b64(Sodium.sealedBoxOpen(
                        bytes(sealed.get("ciphertextB64")),
                        bytes(sealed.get("publicKeyB64")),
                        bytes(sealed.get("privateKeyB64")))));
    }

    private static byte[] bytes(JsonNode base64) {
        return B64.decode(base64.asString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return B64_OUT.encodeToString(bytes);
    }
}
