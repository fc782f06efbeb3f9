package dev.keyhole.cli.imports;

import dev.keyhole.otp.Base32;
import dev.keyhole.otp.CodeDisplay;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds codes from the separate fields of JSON and protobuf formats. They go through an otpauth URI and back,
 * so every importer applies exactly the checks and defaults of {@link OtpAuthUri#parse} (Steam normalised,
 * digits in range, secret decodable), and an entry imports the same whichever format carried it.
 */
final class Codes {

    private Codes() {}

    /** The fields of one entry; a zero or negative number means "the format's default". */
    record Fields(
            OtpType type,
            String issuer,
            String account,
            String secret,
            HashAlgorithm algorithm,
            int digits,
            int period,
            long counter,
            CodeDisplay display) {}

    static OtpCode of(Fields fields) throws InvalidOtpAuthUriException {
        OtpCode draft = new OtpCode(
                fields.type(),
                fields.issuer().strip(),
                fields.account().strip(),
                Base32.normalise(fields.secret()),
                fields.algorithm(),
                fields.digits() > 0 ? fields.digits() : OtpAuthUri.DEFAULT_DIGITS,
                fields.period() > 0 ? fields.period() : OtpAuthUri.DEFAULT_PERIOD,
                Math.max(0, fields.counter()),
                fields.display(),
                null);
        return OtpAuthUri.parse(OtpAuthUri.format(draft));
    }

    /** Adds the entry to the batch, or its failure. */
    static void add(ImportBatch.Builder batch, String source, Fields fields) {
        try {
            batch.addChecked(source, of(fields));
        } catch (InvalidOtpAuthUriException e) {
            batch.fail(source, e.getMessage());
        }
    }

    /** Reads a type name as the formats spell it ("totp", "TOTP", "Steam"). */
    static OtpType type(String name) throws InvalidOtpAuthUriException {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "totp", "" -> OtpType.TOTP;
            case "hotp" -> OtpType.HOTP;
            case "steam" -> OtpType.STEAM;
            default -> throw new InvalidOtpAuthUriException("unsupported code type '" + name + "'");
        };
    }

    /** Ente's display settings for what other formats call groups or tags, a note and a favourite. */
    static CodeDisplay display(List<String> tags, @Nullable String note, boolean pinned) {
        CodeDisplay d = CodeDisplay.DEFAULT;
        String text = note == null ? "" : note.strip();
        if (tags.isEmpty() && text.isEmpty() && !pinned) {
            return d;
        }
        return new CodeDisplay(pinned, false, 0, 0, tags, text, 0, d.iconSrc(), d.iconID(), d.otherFields());
    }

    /**
     * The {@code steam://SECRET} form used by Bitwarden and some others; null when the text is not one.
     */
    static @Nullable String steamSecret(String text) {
        String trimmed = text.strip();
        return trimmed.regionMatches(true, 0, "steam://", 0, 8) ? trimmed.substring(8) : null;
    }
}
