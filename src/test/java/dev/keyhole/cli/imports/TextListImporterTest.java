package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One URI a line: every bad line is reported by number, and the good lines still import. */
class TextListImporterTest {

    private static final String GOOD = "otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";

    @Test
    void badLinesAreNamedByLineNumberAndTheOthersStillImport() {
        ImportBatch batch = read(GOOD + "\n\nnot a uri\notpauth://totp/Bank:bob?secret=1NVALID!\n"
                + "otpauth://totp/Mail:carol?secret=GEZDGNBVGY3TQOJQ&issuer=Mail\notpauth://totp/x:y\n");

        assertThat(batch.codes()).extracting(ImportedCode::source).containsExactly("line 1", "line 5");
        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly("line 3: not an otpauth:// URI", "line 4: invalid secret", "line 6: no secret");
    }

    @Test
    void blankLinesWindowsLineEndsAndAByteOrderMarkAreIgnored() {
        ImportBatch batch = read("\uFEFF" + GOOD + "\r\n   \r\n" + GOOD.replace("alice", "bob") + "\r\n");

        assertThat(batch.codes()).extracting(code -> code.code().account()).containsExactly("alice", "bob");
        assertThat(batch.failures()).isEmpty();
    }

    @Test
    void enteCommasWrittenAsPercent2CStillGiveTheDisplaySettings() {
        ImportBatch batch =
                read(GOOD + "&codeDisplay=%7B%22pinned%22%3Atrue%2C%22tags%22%3A%5B%22a%22%2C%22b%22%5D%7D");

        var display = batch.codes().getFirst().code().display();
        assertThat(display.pinned()).isTrue();
        assertThat(display.tags()).containsExactly("a", "b");
    }

    @Test
    void urisJoinedByCommasAsOldEnteExportsDidAreSplit() {
        ImportBatch batch = read(GOOD + "," + GOOD.replace("alice", "bob") + "\n");

        assertThat(batch.codes()).extracting(code -> code.code().account()).containsExactly("alice", "bob");
    }

    @Test
    void anUnsupportedNumberOfDigitsIsAFailureOfThatLine() {
        ImportBatch batch = read(GOOD + "&digits=12");

        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly("line 1: unsupported number of digits: 12");
    }

    private static ImportBatch read(String text) {
        return new TextListImporter().read(text.getBytes(StandardCharsets.UTF_8), () -> new char[0]);
    }
}
