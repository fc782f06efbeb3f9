package dev.keyhole.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.keyhole.testing.Vectors;
import java.time.Instant;
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
class OtpGeneratorTest {

    /** RFC 4226's secret, "12345678901234567890". */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    static Stream<Arguments> hotpVectors() {
        JsonNode file = Vectors.json("rfc4226-hotp.json");
        return file.path("cases").values().stream()
                .map(c -> Arguments.of(
                        c.path("counter").asLong(),
                        c.path("code").asString(),
                        file.path("secretBase32").asString(),
                        HashAlgorithm.valueOf(file.path("algorithm").asString()),
                        file.path("digits").asInt()));
    }

    @ParameterizedTest(name = "counter {0} gives {1}")
    @MethodSource("hotpVectors")
    void hotp_matches_every_RFC_4226_vector(
            long counter, String code, String secret, HashAlgorithm algorithm, int digits) {
        assertThat(OtpGenerator.hotp(Base32.decode(secret), algorithm, counter, digits))
                .isEqualTo(code);
    }

    static Stream<Arguments> totpVectors() {
        return Vectors.json("rfc6238-totp.json").path("cases").values().stream()
                .map(c -> Arguments.of(
                        HashAlgorithm.valueOf(c.path("algorithm").asString()),
                        c.path("unixTime").asLong(),
                        c.path("code").asString(),
                        c.path("secretBase32").asString(),
                        c.path("period").asInt(),
                        c.path("digits").asInt()));
    }

    @ParameterizedTest(name = "{0} at {1} gives {2}")
    @MethodSource("totpVectors")
    void totp_matches_every_RFC_6238_vector(
            HashAlgorithm algorithm, long unixTime, String code, String secret, int period, int digits) {
        assertThat(OtpGenerator.totp(Base32.decode(secret), algorithm, unixTime, period, digits))
                .isEqualTo(code);
    }

    static Stream<Arguments> steamVectors() {
        return Vectors.json("steam.json").path("cases").values().stream()
                .map(c -> Arguments.of(
                        c.path("unixTime").asLong(),
                        c.path("code").asString(),
                        c.path("secretBase32").asString()));
    }

    @ParameterizedTest(name = "at {0} gives {1}")
    @MethodSource("steamVectors")
    void steam_matches_every_steam_totp_vector(long unixTime, String code, String secret) throws Exception {
        assertThat(OtpGenerator.steam(Base32.decode(secret), unixTime)).isEqualTo(code);
        OtpCode parsed = OtpAuthUri.parse("otpauth://steam/Steam:alice?secret=" + secret + "&issuer=Steam");
        assertThat(OtpGenerator.current(parsed, Instant.ofEpochSecond(unixTime)))
                .isEqualTo(code);
    }

    /** RFC 4226 Appendix D also lists the whole truncated values: 1284755224, 1094287082, 137359152. */
    @ParameterizedTest(name = "counter {0}, {1} digits: {2}")
    @CsvSource({"0, 4, 5224", "1, 4, 7082", "0, 10, 1284755224", "1, 10, 1094287082", "2, 10, 0137359152"})
    void hotp_supports_4_to_10_digits_and_pads_with_zeros(long counter, int digits, String code) {
        assertThat(OtpGenerator.hotp(Base32.decode(RFC_SECRET), HashAlgorithm.SHA1, counter, digits))
                .isEqualTo(code);
    }

    @Test
    void hotp_refuses_lengths_it_cannot_produce() {
        byte[] key = Base32.decode(RFC_SECRET);
        assertThatIllegalArgumentException().isThrownBy(() -> OtpGenerator.hotp(key, HashAlgorithm.SHA1, 0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> OtpGenerator.hotp(key, HashAlgorithm.SHA1, 0, 11));
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({"0, 755224", "59, 755224", "60, 287082", "119, 287082", "120, 359152"})
    void a_60_second_period_steps_once_a_minute(long unixTime, String code) {
        assertThat(OtpGenerator.totp(Base32.decode(RFC_SECRET), HashAlgorithm.SHA1, unixTime, 60, 6))
                .isEqualTo(code);
    }

    @Test
    void current_and_next_totp_codes_and_the_seconds_left() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/RFC:alice?digits=8&secret=" + RFC_SECRET);
        Instant at59 = Instant.ofEpochSecond(59);
        assertThat(OtpGenerator.current(code, at59)).isEqualTo("94287082");
        assertThat(OtpGenerator.next(code, at59)).isEqualTo("37359152");
        assertThat(OtpGenerator.secondsRemaining(code, at59)).isEqualTo(1);
        assertThat(OtpGenerator.secondsRemaining(code, Instant.ofEpochSecond(60)))
                .isEqualTo(30);
        assertThat(OtpGenerator.current(code, Instant.ofEpochSecond(1111111109, 999_000_000)))
                .isEqualTo("07081804");
    }

    @Test
    void a_lowercase_secret_with_spaces_gives_the_same_codes() throws Exception {
        OtpCode code =
                OtpAuthUri.parse("otpauth://totp/RFC:alice?digits=8&secret=gezd gnbv gy3t qojq gezd gnbv gy3t qojq");
        assertThat(OtpGenerator.current(code, Instant.ofEpochSecond(59))).isEqualTo("94287082");
    }

    @Test
    void hotp_shows_the_stored_counter_and_the_one_after_without_changing_anything() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://hotp/RFC:alice?counter=5&secret=" + RFC_SECRET);
        OtpCode before = code;
        assertThat(OtpGenerator.current(code, Instant.EPOCH)).isEqualTo("254676");
        assertThat(OtpGenerator.next(code, Instant.EPOCH)).isEqualTo("287922");
        assertThat(OtpGenerator.current(code, Instant.ofEpochSecond(2_000_000_000)))
                .isEqualTo("254676");
        assertThat(code).isEqualTo(before);
        assertThat(code.counter()).isEqualTo(5);
        assertThatIllegalArgumentException().isThrownBy(() -> OtpGenerator.secondsRemaining(code, Instant.EPOCH));
    }

    @Test
    void steam_next_code_is_the_following_30_second_step() throws Exception {
        JsonNode first = Vectors.json("steam.json").path("cases").get(0);
        String secret = first.path("secretBase32").asString();
        OtpCode code = OtpAuthUri.parse("otpauth://totp/Steam:alice?issuer=steam&secret=" + secret);
        Instant now = Instant.ofEpochSecond(first.path("unixTime").asLong());
        assertThat(OtpGenerator.next(code, now))
                .isEqualTo(OtpGenerator.steam(Base32.decode(secret), now.getEpochSecond() + 30));
        assertThat(OtpGenerator.secondsRemaining(code, now)).isEqualTo(30 - 1700000000 % 30);
    }

    @Test
    void an_unreadable_entry_gives_no_code() throws Exception {
        OtpCode code = OtpAuthUri.parse("otpauth://totp/Bad:alice?secret=NOT-BASE32-1!&issuer=Bad");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpGenerator.current(code, Instant.EPOCH))
                .withMessageContaining("invalid secret");
    }
}
