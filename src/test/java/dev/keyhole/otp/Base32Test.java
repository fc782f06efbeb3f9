package dev.keyhole.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Base32Test {

    @ParameterizedTest(name = "\"{0}\" <-> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | ''",
                "f | MY",
                "fo | MZXQ",
                "foo | MZXW6",
                "foob | MZXW6YQ",
                "fooba | MZXW6YTB",
                "foobar | MZXW6YTBOI"
            })
    void encodes_and_decodes_the_RFC_4648_examples(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcSecrets")
    void decodes_the_secrets_of_the_RFC_vectors_to_their_ASCII_form(String base32, String ascii) {
        assertThat(Base32.decode(base32)).isEqualTo(ascii.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.encode(ascii.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
    }

    static Stream<Arguments> rfcSecrets() {
        // Each secret appears once per instant in the file; one test per secret is enough.
        return Vectors.json("rfc6238-totp.json").path("cases").values().stream()
                .map(c -> List.of(
                        c.path("secretBase32").asString(), c.path("secretAscii").asString()))
                .distinct()
                .map(pair -> Arguments.of(pair.get(0), pair.get(1)));
    }

    @Test
    void ignores_spaces_case_and_trailing_padding() {
        assertThat(Base32.decode(" mzxw 6ytb\toi== ")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.normalise(" jbsw y3dp ehpk 3pxp====")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void names_the_first_character_outside_the_alphabet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("NOT-BASE32-1!"))
                .withMessage("'-' (character 4) is not a base32 character");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZXW1"))
                .withMessageContaining("'1'");
    }

    @Test
    void rejects_padding_in_the_middle() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MY==MZXQ"))
                .withMessageContaining("'='");
    }

    @Test
    void rfc_secret_vector_is_read_as_the_vector_file_says() {
        JsonNode hotp = Vectors.json("rfc4226-hotp.json");
        assertThat(new String(Base32.decode(hotp.path("secretBase32").asString()), StandardCharsets.US_ASCII))
                .isEqualTo(hotp.path("secretAscii").asString());
    }
}
