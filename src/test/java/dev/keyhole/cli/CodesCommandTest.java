package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How one code reads in {@code keyhole codes}. */
class CodesCommandTest {

    private static final Instant T = Instant.ofEpochSecond(59);

    @Test
    void aTotpCodeShowsTheCurrentCodeGroupedTheSecondsLeftAndTheNext() throws Exception {
        // RFC 6238 Appendix B: SHA1, 8 digits, T = 59 s gives 94287082.
        OtpCode code = OtpAuthUri.parse("otpauth://totp/RFC:6238?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8");

        assertThat(CodesCommand.line(code, T)).startsWith("9428 7082   1s   next ");
        assertThat(CodesCommand.title(code)).isEqualTo("RFC (6238)");
    }

    @Test
    void aHotpCodeShowsItsCounterAndTheCodeAfterWithoutAdvancing() throws Exception {
        // RFC 4226 Appendix D: counters 0 and 1 give 755224 and 287082.
        OtpCode code = parse("otpauth://hotp/RFC:4226?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0");

        assertThat(CodesCommand.line(code, T)).isEqualTo("755 224  counter 0   next 287 082");
    }

    @Test
    void codesAreGroupedForReadingButSteamCodesStayWhole() {
        assertThat(CodesCommand.grouped("123456")).isEqualTo("123 456");
        assertThat(CodesCommand.grouped("1234567")).isEqualTo("123 4567");
        assertThat(CodesCommand.grouped("12345")).isEqualTo("12345");
        assertThat(CodesCommand.grouped("B7K9Q")).isEqualTo("B7K9Q");
    }

    @Test
    void pinnedCodesAreMarkedAndACodeWithoutAccountShowsItsIssuerAlone() {
        assertThat(CodesCommand.title(parse("otpauth://totp/Mail:?secret=JBSWY3DPEHPK3PXP&issuer=Mail"
                        + "&codeDisplay=%7B%22pinned%22%3Atrue%7D")))
                .isEqualTo("* Mail");
    }

    private static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
