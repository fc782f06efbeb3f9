package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shared sample file that Keyhole reads yields exactly the seven entries of {@link SampleEntries}. */
class SharedSamplesImportTest {

    private static final FilePassword SAMPLE_PASSWORD = () -> "test".toCharArray();

    @ParameterizedTest(name = "{0} is read as {1} with all seven entries")
    @CsvSource({
        "plain.txt, OTPAUTH",
        "ente_auth.txt, ENTE",
        "aegis_plain.json, AEGIS",
        "aegis_encrypted.json, AEGIS",
        "andotp_plain.json, ANDOTP"
    })
    void filesWithAllSevenEntriesImportExactlyThoseEntries(String file, ImportFormat format) throws Exception {
        ImportBatch batch = readDetected(file, format);

        assertThat(SampleEntries.fields(batch)).containsExactlyInAnyOrderElementsOf(SampleEntries.expected());
        assertThat(batch.failures()).isEmpty();
    }

    /**
     * The 2FAS samples hold five of the seven: the Aegis project left out the SHA256/7-digit/20 s and the
     * SHA512/8-digit/50 s TOTP entries, which 2FAS could not store when the files were made.
     */
    @ParameterizedTest(name = "{0} imports the five entries it holds")
    @CsvSource({"2fas_authenticator_plain_v4.2fas", "2fas_authenticator_encrypted_v4.2fas"})
    void twoFasBackupsImportTheFiveEntriesTheyHold(String file) throws Exception {
        ImportBatch batch = readDetected(file, ImportFormat.TWOFAS);

        assertThat(SampleEntries.fields(batch))
                .containsExactlyInAnyOrderElementsOf(
                        SampleEntries.expected(code -> code.type() != OtpType.TOTP || code.period() == 30));
        assertThat(batch.failures()).isEmpty();
    }

    @Test
    void bitwardenImportsItsThreeTotpEntriesAndTheSteamOneUnderItsItemName() throws Exception {
        ImportBatch batch = readDetected("bitwarden.json", ImportFormat.BITWARDEN);

        assertThat(SampleEntries.fields(batch))
                .containsExactlyInAnyOrder(
                        SampleEntries.fields(
                                SampleEntries.parse(
                                        "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&algorithm=SHA1&digits=6&period=30")),
                        SampleEntries.fields(
                                SampleEntries.parse(
                                        "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&algorithm=SHA256&digits=7&period=20")),
                        SampleEntries.fields(
                                SampleEntries.parse(
                                        "otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&algorithm=SHA512&digits=8&period=50")),
                        SampleEntries.fields(SampleEntries.parse(
                                "otpauth://steam/Test%20Steam:?secret=JRZCL47CMXVOQMNPZR2F7J4RGI")));
        assertThat(batch.failures()).isEmpty();
    }

    /** The Proton sample holds the three TOTP entries only. */
    @Test
    void protonImportsTheThreeTotpEntriesItHolds() throws Exception {
        ImportBatch batch = readDetected("proton_authenticator.json", ImportFormat.PROTON);

        Predicate<OtpCode> totp = code -> code.type() == OtpType.TOTP;
        assertThat(SampleEntries.fields(batch)).containsExactlyInAnyOrderElementsOf(SampleEntries.expected(totp));
    }

    @Test
    void plainFilesNeverAskForAPassword() throws Exception {
        FilePassword mustNotAsk = () -> {
            throw new AssertionError("asked for a password");
        };
        for (String file : new String[] {"plain.txt", "aegis_plain.json", "2fas_authenticator_plain_v4.2fas"}) {
            byte[] bytes = SampleEntries.sample(file);
            assertThat(FormatDetector.detect(bytes).read(bytes, mustNotAsk).codes())
                    .isNotEmpty();
        }
    }

    private static ImportBatch readDetected(String file, ImportFormat expectedFormat) throws ImportException {
        byte[] bytes = SampleEntries.sample(file);
        ImportFormat format = FormatDetector.detect(bytes);
        assertThat(format).isEqualTo(expectedFormat);
        return format.read(bytes, SAMPLE_PASSWORD);
    }
}
