package dev.keyhole.otp;

import java.util.Locale;

/** The kinds of code Ente Auth knows; {@link #uriName()} is the otpauth URI host. */
public enum OtpType {
    TOTP,
    HOTP,
    /** Steam Guard: a 30-second TOTP on HMAC-SHA1 shown as 5 characters of Steam's own alphabet. */
    STEAM;

    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
