package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.OtpType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Google Authenticator's otpauth-migration export, from our own sample and hand-built payloads. */
class GoogleMigrationTest {

    @Test
    void theSampleExportOfTwoBatchesImportsTheEntriesGoogleCanExpress() throws Exception {
        byte[] file = resource("/cli/google-authenticator-migration.txt");
        assertThat(FormatDetector.detect(file)).isEqualTo(ImportFormat.GOOGLE);

        ImportBatch batch = ImportFormat.GOOGLE.read(file, () -> new char[0]);

        assertThat(SampleEntries.fields(batch))
                .containsExactlyElementsOf(SampleEntries.expected(
                        code -> (code.type() == OtpType.TOTP && code.period() == 30 || code.type() == OtpType.HOTP)
                                && (code.digits() == 6 || code.digits() == 8)));
        assertThat(batch.codes())
                .extracting(ImportedCode::source)
                .containsExactly("line 1, entry 1", "line 1, entry 2", "line 2, entry 1");
    }

    @Test
    void aNameWithoutIssuerIsTheAccountAndSha256AndUnknownFieldsAreRead() {
        byte[] entry = concat(
                bytesField(1, new byte[] {1, 2, 3, 4, 5}),
                stringField(2, "alice@example.com"),
                varintField(4, 2),
                varintField(5, 2),
                varintField(6, 2),
                varintField(99, 7));
        ImportBatch batch = importPayload(bytesField(1, entry));

        var code = batch.codes().getFirst().code();
        assertThat(code.issuer()).isEmpty();
        assertThat(code.account()).isEqualTo("alice@example.com");
        assertThat(code.algorithm()).isEqualTo(HashAlgorithm.SHA256);
        assertThat(code.digits()).isEqualTo(8);
        assertThat(code.secret()).isEqualTo("AEBAGBAF");
    }

    @Test
    void md5EntriesFailAndTheOthersStillImport() {
        byte[] md5 = concat(bytesField(1, new byte[] {1, 2, 3, 4, 5}), stringField(2, "old"), varintField(4, 4));
        byte[] good = concat(bytesField(1, new byte[] {1, 2, 3, 4, 5}), stringField(2, "new"));
        ImportBatch batch = importPayload(concat(bytesField(1, md5), bytesField(1, good)));

        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly("line 1, entry 1: MD5 codes are not supported");
        assertThat(batch.codes()).extracting(c -> c.code().account()).containsExactly("new");
    }

    @Test
    void aCutShortPayloadFailsItsLineWithAReason() {
        byte[] entry = concat(bytesField(1, new byte[] {1, 2, 3, 4, 5}), stringField(2, "alice"));
        byte[] payload = bytesField(1, entry);
        ImportBatch batch = importPayload(java.util.Arrays.copyOf(payload, payload.length - 3));

        assertThat(batch.codes()).isEmpty();
        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly(
                        "line 1: the Google Authenticator export is corrupted (field longer than its message)");
    }

    private static ImportBatch importPayload(byte[] payload) {
        String uri = "otpauth-migration://offline?data="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(payload), StandardCharsets.UTF_8);
        return new TextListImporter().read(uri);
    }

    private static byte[] varintField(int number, long value) {
        return concat(varint(number << 3), varint(value));
    }

    private static byte[] stringField(int number, String value) {
        return bytesField(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytesField(int number, byte[] value) {
        return concat(varint(number << 3 | 2), varint(value.length), value);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = GoogleMigrationTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
