package dev.keyhole.otp;

import static dev.keyhole.otp.OtpAuthUri.DEFAULT_DIGITS;
import static dev.keyhole.otp.OtpAuthUri.DEFAULT_PERIOD;
import static dev.keyhole.otp.OtpAuthUri.INVALID_SECRET;
import static dev.keyhole.otp.OtpAuthUri.MAX_DIGITS;
import static dev.keyhole.otp.OtpAuthUri.MIN_DIGITS;
import static dev.keyhole.otp.OtpAuthUri.SCHEME;
import static dev.keyhole.otp.OtpAuthUri.STEAM_DIGITS;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The reading rules behind {@link OtpAuthUri#parse}, applied to one candidate spelling of the URI. */
final class OtpAuthUriReader {

    private OtpAuthUriReader() {}

    static OtpCode read(String text) throws InvalidOtpAuthUriException {
        int fragmentStart = text.indexOf('#');
        String uri = fragmentStart < 0 ? text : text.substring(0, fragmentStart);
        if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidOtpAuthUriException("not an otpauth:// URI");
        }
        String rest = uri.substring(SCHEME.length());
        int queryStart = rest.indexOf('?');
        String typeAndLabel = queryStart < 0 ? rest : rest.substring(0, queryStart);
        Map<String, String> parameters = queryParameters(queryStart < 0 ? "" : rest.substring(queryStart + 1));
        int slash = typeAndLabel.indexOf('/');
        OtpType type = typeNamed(slash < 0 ? typeAndLabel : typeAndLabel.substring(0, slash));
        String label = slash < 0 ? "" : PercentEncoding.decode(typeAndLabel.substring(slash + 1), false);

        String secret = Base32.normalise(parameters.getOrDefault("secret", ""));
        if (secret.isEmpty()) {
            throw new InvalidOtpAuthUriException("no secret");
        }
        String issuer = issuerOf(parameters.get("issuer"), label);
        String account = accountOf(label, issuer);
        // Ente mobile also treats issuer "Steam" as Steam (its web app does not, and shows wrong codes). HOTP is
        // left alone: Steam has no counter-based codes, and converting would drop the counter.
        if (type == OtpType.STEAM || (type == OtpType.TOTP && issuer.equalsIgnoreCase("steam"))) {
            // Steam codes are always HMAC-SHA1, 5 characters, 30 s, whatever else the URI claims.
            return new OtpCode(
                    OtpType.STEAM,
                    issuer,
                    account,
                    secret,
                    HashAlgorithm.SHA1,
                    STEAM_DIGITS,
                    DEFAULT_PERIOD,
                    0,
                    displayOf(parameters.get("codeDisplay")),
                    secretError(secret));
        }
        int digits = positiveNumber(parameters.get("digits"), DEFAULT_DIGITS);
        @Nullable String error = secretError(secret);
        if (error == null && (digits < MIN_DIGITS || digits > MAX_DIGITS)) {
            error = "unsupported number of digits: " + digits;
        }
        long counter = type == OtpType.HOTP ? counterOf(parameters.get("counter")) : 0;
        return new OtpCode(
                type,
                issuer,
                account,
                secret,
                HashAlgorithm.fromUriValue(parameters.get("algorithm")),
                digits,
                positiveNumber(parameters.get("period"), DEFAULT_PERIOD),
                counter,
                displayOf(parameters.get("codeDisplay")),
                error);
    }

    private static OtpType typeNamed(String name) throws InvalidOtpAuthUriException {
        for (OtpType type : OtpType.values()) {
            if (type.uriName().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new InvalidOtpAuthUriException("unsupported code type '" + name + "' (expected totp, hotp or steam)");
    }

    /**
     * The first occurrence of a name wins, as in the browser's URLSearchParams. Names are matched ignoring case
     * because some exporters capitalise them and nothing is gained by refusing those codes.
     */
    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1), true);
            if (!key.isEmpty()) {
                parameters.putIfAbsent(key, value);
            }
        }
        return parameters;
    }

    private static String issuerOf(@Nullable String issuerParameter, String label) {
        if (issuerParameter != null) {
            // Old Ente builds appended "period=N" to the issuer (ente PR #77).
            int pollution = issuerParameter.indexOf("period=");
            String issuer = pollution < 0 ? issuerParameter : issuerParameter.substring(0, pollution);
            issuer = issuer.replaceAll("[&?\\s]+$", "").strip();
            if (!issuer.isEmpty()) {
                return issuer;
            }
        }
        int colon = label.indexOf(':');
        return colon < 0 ? "" : label.substring(0, colon).strip();
    }

    private static String accountOf(String label, String issuer) {
        // An issuer may itself contain ':'; when the label starts with it, the account is what follows.
        if (!issuer.isEmpty() && label.startsWith(issuer + ":")) {
            return label.substring(issuer.length() + 1).strip();
        }
        int colon = label.indexOf(':');
        return (colon < 0 ? label : label.substring(colon + 1)).strip();
    }

    private static @Nullable String secretError(String normalisedSecret) {
        try {
            return Base32.decode(normalisedSecret).length == 0 ? INVALID_SECRET : null;
        } catch (IllegalArgumentException e) {
            return INVALID_SECRET;
        }
    }

    /** Junk, zero and negative values fall back to the default, as in Ente's clients. */
    private static int positiveNumber(@Nullable String value, int fallback) {
        try {
            int number = value == null ? fallback : Integer.parseInt(value.strip());
            return number > 0 ? number : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long counterOf(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static CodeDisplay displayOf(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return CodeDisplay.DEFAULT;
        }
        CodeDisplay display = CodeDisplay.fromJson(json);
        // Ente's plain-text export turns every ',' into "%2C". Normally decoding the parameter undoes that, but a
        // line escaped once more still holds "%2C" here; Ente mobile replaces it too.
        if (display.isDefault() && json.contains("%2C")) {
            display = CodeDisplay.fromJson(json.replace("%2C", ","));
        }
        return display;
    }
}
