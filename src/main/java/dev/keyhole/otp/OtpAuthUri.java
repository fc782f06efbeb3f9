package dev.keyhole.otp;

/**
 * Reads and writes otpauth URIs, the form in which Ente Auth stores every code and which most
 * authenticators export. Reading follows what Ente's clients accept, minus their known bugs (lower-cased
 * labels, issuers split on '-', HOTP digits ignored); see docs/protocol.md §5.
 */
public final class OtpAuthUri {

    public static final int DEFAULT_DIGITS = 6;
    public static final int DEFAULT_PERIOD = 30;
    public static final int STEAM_DIGITS = 5;
    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 10;
    public static final String INVALID_SECRET = "invalid secret";

    static final String SCHEME = "otpauth://";

    private OtpAuthUri() {}

    /**
     * Reads one URI. An entry whose secret cannot be decoded, or whose length Keyhole cannot generate, is still
     * returned, with {@link OtpCode#error()} set.
     *
     * @throws InvalidOtpAuthUriException when the text is not an otpauth URI or has no secret at all
     */
    public static OtpCode parse(String uri) throws InvalidOtpAuthUriException {
        String text = uri.strip();
        try {
            return OtpAuthUriReader.read(text);
        } catch (InvalidOtpAuthUriException e) {
            // Ente mobile writes labels unencoded, so an account such as "bob#2" turns the rest of the URI,
            // secret included, into a fragment. Ente's clients retry with the '#' escaped; so do we.
            if (text.indexOf('#') >= 0) {
                return OtpAuthUriReader.read(text.replace("#", "%23"));
            }
            throw e;
        }
    }

    /**
     * Writes the canonical URI: every part percent-encoded, the issuer both in the label and as a parameter,
     * every parameter explicit, and {@code codeDisplay} only when it differs from the default. Entries with an
     * error are written too, unchanged, so that they survive a rewrite.
     */
    public static String format(OtpCode code) {
        StringBuilder uri =
                new StringBuilder(SCHEME).append(code.type().uriName()).append('/');
        // Without an issuer a ':' in the account would be read back as a separator; an empty prefix prevents that.
        if (!code.issuer().isEmpty() || code.account().indexOf(':') >= 0) {
            uri.append(PercentEncoding.encode(code.issuer())).append(':');
        }
        uri.append(PercentEncoding.encode(code.account()));
        uri.append("?secret=").append(PercentEncoding.encode(code.secret()));
        if (!code.issuer().isEmpty()) {
            uri.append("&issuer=").append(PercentEncoding.encode(code.issuer()));
        }
        uri.append("&algorithm=").append(code.algorithm().name());
        uri.append("&digits=").append(code.digits());
        uri.append("&period=").append(code.period());
        if (code.type() == OtpType.HOTP) {
            uri.append("&counter=").append(code.counter());
        }
        if (!code.display().isDefault()) {
            uri.append("&codeDisplay=")
                    .append(PercentEncoding.encode(code.display().toJson()));
        }
        return uri.toString();
    }
}
