package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A file's format is told by its content; what cannot be told, or read at all, is a clear error. */
class FormatDetectorTest {

    @Test
    void textThatIsNoKnownFormatAsksForFormat() {
        assertThatThrownBy(() -> FormatDetector.detect(bytes("hello\nworld")))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Cannot tell the format of this file; name it with --format (one of otpauth, ");
    }

    @Test
    void aTruncatedJsonFileIsReportedAsIncomplete() {
        byte[] aegis = SampleEntries.sample("aegis_plain.json");

        assertThatThrownBy(() -> FormatDetector.detect(Arrays.copyOf(aegis, aegis.length / 2)))
                .hasMessage("The file looks like JSON but is not valid JSON; is it complete?");
    }

    @Test
    void aCorruptedFileReadWithAForcedFormatNamesTheFormatAndLine() {
        byte[] aegis = SampleEntries.sample("aegis_plain.json");

        assertThatThrownBy(() -> ImportFormat.AEGIS.read(Arrays.copyOf(aegis, 300), () -> new char[0]))
                .hasMessageStartingWith("The Aegis vault file is corrupted: it is not valid JSON (line ");
    }

    @Test
    void formatsAreNamedOnTheCommandLineIgnoringCase() {
        assertThat(ImportFormat.named("2FAS")).isEqualTo(ImportFormat.TWOFAS);
        assertThat(ImportFormat.named("ente-encrypted")).isEqualTo(ImportFormat.ENTE_ENCRYPTED);
        assertThatThrownBy(() -> ImportFormat.named("authy"))
                .hasMessageStartingWith("Unknown format 'authy'; use one of");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
