package dev.keyhole.otp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored code, as read from an otpauth URI.
 *
 * @param issuer    the service, "" when the URI names none
 * @param account   the user's account at the issuer, "" when the URI names none
 * @param secret    the base32 secret, {@link Base32#normalise normalised}; kept even when unreadable so that
 *                  the entry can be written back unchanged
 * @param digits    code length; always 5 for Steam
 * @param period    seconds per TOTP step; always 30 for Steam, unused by HOTP
 * @param counter   the HOTP counter; 0 for the time-based kinds
 * @param error     why no code can be generated (for example "invalid secret"), or null when it can. Such
 *                  entries are still listed so that nothing disappears without the user noticing.
 */
public record OtpCode(
        OtpType type,
        String issuer,
        String account,
        String secret,
        HashAlgorithm algorithm,
        int digits,
        int period,
        long counter,
        CodeDisplay display,
        @Nullable String error) {

    public OtpCode {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(display, "display");
        if (digits < 1 || period < 1 || counter < 0) {
            throw new IllegalArgumentException("digits and period must be positive and counter not negative: " + digits
                    + ", " + period + ", " + counter);
        }
    }

    public boolean hasError() {
        return error != null;
    }

    public OtpCode withDisplay(CodeDisplay newDisplay) {
        return new OtpCode(type, issuer, account, secret, algorithm, digits, period, counter, newDisplay, error);
    }
}
