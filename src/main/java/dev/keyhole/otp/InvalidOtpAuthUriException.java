package dev.keyhole.otp;

/**
 * The text cannot be read as an otpauth URI at all, so there is no entry to show. The message is meant for
 * people (for example "line 3: not an otpauth:// URI") and never contains the secret.
 */
public class InvalidOtpAuthUriException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidOtpAuthUriException(String message) {
        super(message);
    }
}
