package dev.keyhole.otp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The HMAC hash of a code. */
public enum HashAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    HashAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the HMAC, for {@link javax.crypto.Mac#getInstance(String)}. */
    public String macName() {
        return macName;
    }

    /**
     * Reads an otpauth {@code algorithm} value. Ente and most authenticators treat anything they do not
     * recognise (or a missing value) as SHA1, so we do too rather than refuse the code. Older Ente mobile
     * builds wrote the Dart enum's name, {@code Algorithm.sha256}, which is accepted as well. Some issuers
     * write {@code SHA-256}: read as meant (Ente falls back to SHA1 there and shows wrong codes).
     */
    public static HashAlgorithm fromUriValue(@Nullable String value) {
        if (value == null) {
            return SHA1;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("algorithm.")) {
            name = name.substring("algorithm.".length());
        }
        name = name.replace("-", "").replace("_", "");
        return switch (name) {
            case "sha256" -> SHA256;
            case "sha512" -> SHA512;
            default -> SHA1;
        };
    }
}
