package dev.keyhole.cli.imports;

import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * The seven entries every shared Aegis test file encodes (the sample's plain.txt lists them), written as the fields an
 * importer must carry over, so that a file can be compared with them whatever else it stores.
 */
final class SampleEntries {

    static final String DIR = "aegis-test-vectors/";

    private SampleEntries() {}

    /** The entries of plain.txt, optionally only those a format can express. */
    static List<String> expected(Predicate<OtpCode> expressible) {
        String text = new String(Vectors.sample(DIR + "plain.txt"), StandardCharsets.UTF_8);
        return text.lines()
                .filter(line -> !line.isBlank())
                .map(SampleEntries::parse)
                .filter(expressible)
                .map(SampleEntries::fields)
                .toList();
    }

    static List<String> expected() {
        return expected(code -> true);
    }

    static List<String> fields(ImportBatch batch) {
        return batch.codes().stream()
                .map(ImportedCode::code)
                .map(SampleEntries::fields)
                .toList();
    }

    /** Issuer, account, type, algorithm, digits, period or counter, secret. */
    static String fields(OtpCode code) {
        String step = code.type() == OtpType.HOTP ? "counter=" + code.counter() : "period=" + code.period();
        return String.join(
                " | ",
                code.type().uriName(),
                code.issuer(),
                code.account(),
                code.algorithm().name(),
                "digits=" + code.digits(),
                step,
                code.secret());
    }

    static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] sample(String name) {
        return Vectors.sample(DIR + name);
    }
}
