package dev.keyhole.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.crypto.Sodium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecoveryWordsTest {

    record Vector(String hex, String words) {}

    static List<Vector> referenceVectors() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                RecoveryWordsTest.class.getResourceAsStream("/cli/keys/bip39-vectors-32-bytes.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(fields -> new Vector(fields[0], fields[1]))
                    .toList();
        }
    }

    @Test
    void referenceVectorsAreAllThere() throws IOException {
        assertThat(referenceVectors()).hasSize(8);
    }

    @ParameterizedTest
    @MethodSource("referenceVectors")
    void encodeWhenReferenceEntropyThenItsReferenceMnemonic(Vector vector) {
        assertThat(RecoveryWords.encode(HexFormat.of().parseHex(vector.hex()))).isEqualTo(vector.words());
    }

    @ParameterizedTest
    @MethodSource("referenceVectors")
    void decodeWhenReferenceMnemonicThenItsEntropy(Vector vector) {
        assertThat(HexFormat.of().formatHex(RecoveryWords.decode(vector.words())))
                .isEqualTo(vector.hex());
    }

    @Test
    void decodeWhenSpacingAndCaseDifferThenSameKey() {
        byte[] key = Sodium.randomBytes(32);
        String words = RecoveryWords.encode(key);

        assertThat(RecoveryWords.decode("  " + words.toUpperCase().replace(" ", " \n\t ") + " "))
                .isEqualTo(key);
        assertThat(words.split(" ")).hasSize(24);
    }

    @Test
    void decodeWhenHexAsOlderEnteAppsShowedItThenSameKey() {
        byte[] key = Sodium.randomBytes(32);

        assertThat(RecoveryWords.decode(HexFormat.of().formatHex(key))).isEqualTo(key);
    }

    @Test
    void decodeWhenAWordIsSwappedOrUnknownOrMissingThenRefused() {
        String[] words = RecoveryWords.encode(
                        HexFormat.of().parseHex("3edc83b60740d77af3afa2fcb82c2f1bc541ee4e2518ddef4996d32453f54a3c"))
                .split(" ");
        String swapped = String.join(" ", words).replaceFirst(words[0] + " " + words[1], words[1] + " " + words[0]);

        assertThatThrownBy(() -> RecoveryWords.decode(swapped)).hasMessageContaining("do not check out");
        assertThatThrownBy(() -> RecoveryWords.decode(String.join(" ", words).replace(words[5], "keyhole")))
                .hasMessageContaining("word 6");
        assertThatThrownBy(() -> RecoveryWords.decode("abandon abandon art")).hasMessageContaining("24 words");
        assertThatThrownBy(() -> RecoveryWords.decode("zz".repeat(32))).hasMessageContaining("24 words");
    }

    @Test
    void encodeWhenNot32BytesThenRefused() {
        assertThatThrownBy(() -> RecoveryWords.encode(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
