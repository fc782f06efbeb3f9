package dev.keyhole.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OtpAuthUriTest {

    @Test
    void formats_a_canonical_fully_encoded_uri() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/Bank:Alice%20Smith?secret=jbsw y3dp&issuer=My+Bank");
        assertThat(OtpAuthUri.format(code))
                .isEqualTo("otpauth://totp/My%20Bank:Alice%20Smith?secret=JBSWY3DP"
                        + "&issuer=My%20Bank&algorithm=SHA1&digits=6&period=30");
        OtpCode hotp = OtpAuthUri.parse("otpauth://hotp/Counter:a%2Cb?secret=JBSWY3DP&counter=42&digits=7");
        assertThat(OtpAuthUri.format(hotp))
                .isEqualTo("otpauth://hotp/Counter:a%2Cb?secret=JBSWY3DP"
                        + "&issuer=Counter&algorithm=SHA1&digits=7&period=30&counter=42");
    }

    @Test
    void writes_code_display_as_encoded_json_only_when_it_is_not_the_default() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DP&codeDisplay=%7B%22pinned%22%3Atrue%7D");
        String uri = OtpAuthUri.format(code);
        assertThat(uri)
                .endsWith("&codeDisplay=%7B%22pinned%22%3Atrue%2C%22trashed%22%3Afalse%2C%22lastUsedAt"
                        + "%22%3A0%2C%22tapCount%22%3A0%2C%22tags%22%3A%5B%5D%2C%22note%22%3A%22%22%2C%22position%22"
                        + "%3A0%2C%22iconSrc%22%3A%22ente%22%2C%22iconID%22%3A%22%22%7D");
        assertThat(OtpAuthUri.format(code.withDisplay(CodeDisplay.DEFAULT))).doesNotContain("codeDisplay");
    }

    @Test
    void round_trips_awkward_labels() throws Exception {
        for (String uri : List.of(
                "otpauth://totp/:user:with:colons?secret=JBSWY3DP",
                "otpauth://totp/Odd%3AIssuer:bob?secret=JBSWY3DP&issuer=Odd%3AIssuer",
                "otpauth://totp/R%26D:50%25%20%2B%20more%23?secret=JBSWY3DP&issuer=R%26D",
                "otpauth://hotp/?secret=JBSWY3DP&counter=9999999999")) {
            OtpCode code = OtpAuthUri.parse(uri);
            assertThat(OtpAuthUri.parse(OtpAuthUri.format(code))).as(uri).isEqualTo(code);
        }
        assertThat(OtpAuthUri.parse("otpauth://totp/:user:with:colons?secret=JBSWY3DP")
                        .account())
                .isEqualTo("user:with:colons");
        assertThat(OtpAuthUri.parse("otpauth://totp/Odd%3AIssuer:bob?secret=JBSWY3DP&issuer=Odd%3AIssuer")
                        .account())
                .isEqualTo("bob");
        assertThat(OtpAuthUri.parse("otpauth://totp/R%26D:50%25%20%2B%20more%23?secret=JBSWY3DP")
                        .account())
                .isEqualTo("50% + more#");
        assertThat(OtpAuthUri.parse("otpauth://hotp/?secret=JBSWY3DP&counter=9999999999")
                        .counter())
                .isEqualTo(9_999_999_999L);
    }

    @Test
    void reads_ente_mobile_labels_written_raw_with_spaces_and_a_hash() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/My Bank:Alice Smith #2?algorithm=SHA256&digits=6"
                + "&issuer=My+Bank&period=30&secret=JBSWY3DP");
        assertThat(code.issuer()).isEqualTo("My Bank");
        assertThat(code.account()).isEqualTo("Alice Smith #2");
        assertThat(code.algorithm()).isEqualTo(HashAlgorithm.SHA256);
    }

    @Test
    void reads_code_display_from_ente_plain_export_lines_whose_commas_became_percent_2C() throws Exception {
        OtpCode raw = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DP"
                + "&codeDisplay={\"pinned\":true%2C\"tags\":[\"x\"%2C\"y\"]%2C\"note\":\"a%2Cb\"}");
        assertThat(raw.display().pinned()).isTrue();
        assertThat(raw.display().tags()).containsExactly("x", "y");
        assertThat(raw.display().note()).isEqualTo("a,b");
        OtpCode escapedTwice = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DP"
                + "&codeDisplay=%7B%22trashed%22%3Atrue%252C%22tags%22%3A%5B%22x%22%252C%22y%22%5D%7D");
        assertThat(escapedTwice.display().trashed()).isTrue();
        assertThat(escapedTwice.display().tags()).containsExactly("x", "y");
    }

    @ParameterizedTest(name = "digits={0}")
    @ValueSource(ints = {4, 10})
    void accepts_4_and_10_digits(int digits) throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DP&period=60&digits=" + digits);
        assertThat(code.digits()).isEqualTo(digits);
        assertThat(code.period()).isEqualTo(60);
        assertThat(code.error()).isNull();
    }

    @ParameterizedTest(name = "digits={0}")
    @ValueSource(ints = {3, 11})
    void lists_codes_of_a_length_it_cannot_generate_with_an_error(int digits) throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DP&digits=" + digits);
        assertThat(code.error()).isEqualTo("unsupported number of digits: " + digits);
        assertThat(code.account()).isEqualTo("b");
    }

    @Test
    void steam_ignores_whatever_else_the_uri_claims() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://STEAM/S:a?secret=JBSWY3DP&digits=8&period=60&algorithm=SHA512");
        assertThat(code.type()).isEqualTo(OtpType.STEAM);
        assertThat(List.of(code.digits(), code.period())).containsExactly(5, 30);
        assertThat(code.algorithm()).isEqualTo(HashAlgorithm.SHA1);
        assertThat(OtpAuthUri.format(code)).startsWith("otpauth://steam/S:a?");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Fooperiod=30", "Foo%26period%3D30", "Foo&period%3D30"})
    void cleans_an_issuer_polluted_with_a_period(String issuer) throws Exception {
        assertThat(OtpAuthUri.parse("otpauth://totp/X:a?secret=JBSWY3DP&issuer=" + issuer)
                        .issuer())
                .isEqualTo("Foo");
    }

    @Test
    void falls_back_to_the_label_when_the_issuer_parameter_is_empty() throws Exception {
        assertThat(OtpAuthUri.parse("otpauth://totp/Label:a?issuer=&secret=JBSWY3DP")
                        .issuer())
                .isEqualTo("Label");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/?secret=JBSWY3DP | not an otpauth:// URI",
                "JBSWY3DPEHPK3PXP | not an otpauth:// URI",
                "otpauth://totp/A:b?issuer=A | no secret",
                "otpauth://totp/A:b?secret=%20== | no secret",
                "otpauth://totp/A:b#c?issuer=A | no secret",
                "otpauth://yubi/A:b?secret=JBSWY3DP | unsupported code type 'yubi' (expected totp, hotp or steam)"
            })
    void refuses_text_that_is_no_otpauth_uri_with_a_message_for_people(String text, String message) {
        assertThatExceptionOfType(InvalidOtpAuthUriException.class)
                .isThrownBy(() -> OtpAuthUri.parse(text))
                .withMessage(message);
    }

    @Test
    void reads_scheme_type_and_parameter_names_in_any_case() throws Exception {
        OtpCode code = OtpAuthUri.parse("  OTPAUTH://TOTP/A:b?SECRET=jbswy3dp&Issuer=A&DIGITS=8\r\n");
        assertThat(code.type()).isEqualTo(OtpType.TOTP);
        assertThat(List.of(code.secret(), code.issuer(), String.valueOf(code.digits())))
                .containsExactly("JBSWY3DP", "A", "8");
    }

    @ParameterizedTest
    @CsvSource({"SHA-256, SHA256", "sha_512, SHA512", "SHA-1, SHA1", "MD5, SHA1", "Algorithm.sha512, SHA512"})
    void hyphenated_and_unknown_algorithm_names(String name, HashAlgorithm expected) throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=" + name);

        assertThat(code.algorithm()).isEqualTo(expected);
    }
}
