package dev.keyhole.account;

import dev.keyhole.otp.Base32;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.OtpGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A 6-digit, 30-second SHA-1 code (what every authenticator app makes of the setup's QR code, and what
 * Ente's server checks) against a seed: now and one step either side, for clocks a little off.
 */
final class TotpCheck {

    static final int PERIOD = 30;
    static final int DIGITS = 6;
    static final int WINDOW = 1;

    private TotpCheck() {}

    /** The time step the code belongs to, or -1 if it is not a code of this seed near {@code now}. */
    static long matchingStep(String seed, String code, Instant now) {
        String given = code.strip();
        if (!given.matches("[0-9]{" + DIGITS + "}")) {
            return -1;
        }
        byte[] key = Base32.decode(seed);
        long current = Math.floorDiv(now.getEpochSecond(), PERIOD);
        long found = -1;
        // Every step is computed and compared in constant time, so the answer's timing names no step.
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            String expected = OtpGenerator.hotp(key, HashAlgorithm.SHA1, step, DIGITS);
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found;
    }
}
