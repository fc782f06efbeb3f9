package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Encrypted exports open with the right password and fail clearly, reading nothing, with a wrong one. */
class EncryptedFilesTest {

    private static final FilePassword WRONG = () -> "not-the-password".toCharArray();

    @Test
    void anAegisVaultWithAWrongPasswordIsAClearError() {
        assertThatThrownBy(() -> read("aegis_encrypted.json", WRONG))
                .isInstanceOf(ImportException.class)
                .hasMessage("Wrong password for this Aegis vault.");
    }

    @Test
    void aTwoFasBackupWithAWrongPasswordIsAClearError() {
        assertThatThrownBy(() -> read("2fas_authenticator_encrypted_v4.2fas", WRONG))
                .isInstanceOf(ImportException.class)
                .hasMessage("Wrong password for this 2FAS backup (or the file is corrupted).");
    }

    @Test
    void anEncryptedFileAsksForItsPasswordOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        read("aegis_encrypted.json", () -> {
            asked.incrementAndGet();
            return "test".toCharArray();
        });
        assertThat(asked).hasValue(1);
    }

    @Test
    void anAegisVaultWhoseContentsWereTamperedWithIsReportedCorrupted() throws Exception {
        ObjectNode vault = (ObjectNode) Json.parse(SampleEntries.sample("aegis_encrypted.json"), "test");
        String db = vault.path("db").asString();
        vault.put("db", (db.charAt(0) == 'A' ? "B" : "A") + db.substring(1));

        assertThatThrownBy(() -> ImportFormat.AEGIS.read(bytes(vault), () -> "test".toCharArray()))
                .isInstanceOf(ImportException.class)
                .hasMessage("The Aegis vault is corrupted: its contents fail authentication.");
    }

    @Test
    void theEnteExportVectorImportsExactlyTheEntriesOfItsPlaintext() throws Exception {
        JsonNode vector = Vectors.json("ente-export-v1.json");
        ImportBatch batch = readEnteVector(vector, vector.path("password").asString());

        assertThat(batch.codes())
                .extracting(ImportedCode::code)
                .containsExactlyElementsOf(vector.path("plaintext")
                        .asString()
                        .lines()
                        .map(SampleEntries::parse)
                        .toList());
        assertThat(batch.failures()).isEmpty();
    }

    @Test
    void theEnteExportVectorKeepsEachCodesDisplaySettings() throws Exception {
        JsonNode vector = Vectors.json("ente-export-v1.json");
        ImportBatch batch = readEnteVector(vector, vector.path("password").asString());

        var work = batch.codes().get(4).code().display();
        assertThat(work.pinned()).isTrue();
        assertThat(work.tags()).containsExactly("work");
        assertThat(work.note()).isEqualTo("VPN");
        assertThat(batch.codes().get(5).code().display().trashed()).isTrue();
    }

    @Test
    void anEnteExportWithAWrongPasswordIsAClearError() {
        JsonNode vector = Vectors.json("ente-export-v1.json");

        assertThatThrownBy(() -> readEnteVector(vector, "wrong password"))
                .isInstanceOf(ImportException.class)
                .hasMessage("Wrong password for this export file (or the file is corrupted).");
    }

    @Test
    void anEnteExportOfAnUnknownVersionIsRefusedBeforeAskingForThePassword() {
        ObjectNode file = (ObjectNode) Vectors.json("ente-export-v1.json").path("file");
        file.put("version", 2);

        assertThatThrownBy(() -> ImportFormat.ENTE_ENCRYPTED.read(bytes(file), () -> {
                    throw new AssertionError("asked for a password");
                }))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("version 2 is not supported");
    }

    private static ImportBatch readEnteVector(JsonNode vector, String password) throws ImportException {
        byte[] file = bytes(vector.path("file"));
        assertThat(FormatDetector.detect(file)).isEqualTo(ImportFormat.ENTE_ENCRYPTED);
        return ImportFormat.ENTE_ENCRYPTED.read(file, password::toCharArray);
    }

    private static ImportBatch read(String sample, FilePassword password) throws ImportException {
        byte[] file = SampleEntries.sample(sample);
        return FormatDetector.detect(file).read(file, password);
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
