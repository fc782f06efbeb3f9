package dev.keyhole.cli.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.cli.keys.Kdf;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exports are what Ente Auth reads: decrypting one the way the shared vector is decrypted gives the same URIs. */
class EnteExportTest {

    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);

    @Test
    void anEncryptedExportDecryptsByTheVectorProcedureToTheSameUris() throws Exception {
        List<OtpCode> codes = vectorCodes();
        // Interactive parameters keep the test fast; the command uses Ente's sensitive ones.
        String json = EnteExport.encrypt(EnteExport.plainText(codes), Kdf.withParameters(PASSWORD, 2, 64L << 20));

        String plaintext = decryptLikeTheVector(JsonMapper.builder().build().readTree(json), PASSWORD);

        assertThat(plaintext).endsWith("\n");
        assertThat(plaintext.lines().map(EnteExportTest::parse).toList()).isEqualTo(codes);
    }

    @Test
    void thePlainTextHasOneUriALineWithCommasWrittenAsPercent2C() throws Exception {
        String text = EnteExport.plainText(vectorCodes());

        assertThat(text.lines())
                .hasSize(6)
                .allSatisfy(line -> assertThat(line).startsWith("otpauth://").doesNotContain(","));
        assertThat(text).contains("%2C");
    }

    @Test
    void aWrongPasswordIsAClearError() throws Exception {
        EnteExportFile file = EnteExport.parse(
                Vectors.json("ente-export-v1.json").path("file").toString());

        assertThatThrownBy(() -> EnteExport.decrypt(file, "nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ExportFileException.class)
                .hasMessage("Wrong password for this export file (or the file is corrupted).");
    }

    @Test
    void theVectorDecryptsToItsPlaintext() throws Exception {
        JsonNode vector = Vectors.json("ente-export-v1.json");
        EnteExportFile file = EnteExport.parse(vector.path("file").toString());

        assertThat(EnteExport.decrypt(file, vector.path("password").asString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(vector.path("plaintext").asString());
    }

    /** The procedure the shared test vectors state (docs/protocol.md §6): Argon2id, one secretstream pull. */
    static String decryptLikeTheVector(JsonNode file, byte[] password) {
        JsonNode kdf = file.path("kdfParams");
        byte[] key = Sodium.argon2id(
                password,
                b64(kdf.path("salt")),
                kdf.path("opsLimit").asLong(),
                kdf.path("memLimit").asLong());
        assertThat(file.path("version").asInt()).isEqualTo(1);
        return new String(
                Sodium.secretstreamDecrypt(b64(file.path("encryptedData")), b64(file.path("encryptionNonce")), key),
                StandardCharsets.UTF_8);
    }

    private static List<OtpCode> vectorCodes() {
        return Vectors.json("ente-export-v1.json")
                .path("plaintext")
                .asString()
                .lines()
                .map(EnteExportTest::parse)
                .toList();
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.asString());
    }

    private static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
