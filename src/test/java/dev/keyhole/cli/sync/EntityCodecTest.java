package dev.keyhole.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.Streamed;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Entities are read and written exactly as Ente's apps do. */
class EntityCodecTest {

    private static final JsonNode ACCOUNT = Vectors.json("ente-account-fast.json");
    private static final EntityCodec CODEC = new EntityCodec(Base64.getDecoder()
            .decode(ACCOUNT.path("secretsForTestsOnly")
                    .path("authenticatorKeyB64")
                    .asString()));

    @Test
    void theSharedAccountsEntitiesDecryptToItsExpectedUris() throws Exception {
        List<OtpCode> decrypted = new ArrayList<>();
        for (JsonNode entity : ACCOUNT.path("entities").values()) {
            if (!entity.path("isDeleted").asBoolean()) {
                decrypted.add(CODEC.decrypt(
                        entity.path("encryptedData").asString(),
                        entity.path("header").asString()));
            }
        }

        List<OtpCode> expected = new ArrayList<>();
        for (JsonNode uri : ACCOUNT.path("expectedPlaintexts").values()) {
            expected.add(OtpAuthUri.parse(uri.asString()));
        }
        assertThat(decrypted).isEqualTo(expected);
    }

    @Test
    void anEncryptedCodeIsAJsonStringOfItsUri() throws Exception {
        OtpCode code =
                OtpAuthUri.parse(ACCOUNT.path("expectedPlaintexts").path(4).asString());
        Streamed sealed = CODEC.encrypt(code);

        byte[] plaintext = Sodium.secretstreamDecrypt(
                sealed.ciphertext(),
                sealed.header(),
                Base64.getDecoder()
                        .decode(ACCOUNT.path("secretsForTestsOnly")
                                .path("authenticatorKeyB64")
                                .asString()));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo("\"" + OtpAuthUri.format(code) + "\"");
        assertThat(CODEC.decrypt(b64(sealed.ciphertext()), b64(sealed.header())))
                .isEqualTo(code);
    }

    @Test
    void anEntityUnderAnotherKeyIsUnreadableWithAReason() {
        Streamed sealed = new EntityCodec(Sodium.randomBytes(32))
                .encrypt(CODEC.decrypt(
                        ACCOUNT.path("entities").path(0).path("encryptedData").asString(),
                        ACCOUNT.path("entities").path(0).path("header").asString()));

        assertThatThrownBy(() -> CODEC.decrypt(b64(sealed.ciphertext()), b64(sealed.header())))
                .hasMessage("cannot be decrypted with this account's key");
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
