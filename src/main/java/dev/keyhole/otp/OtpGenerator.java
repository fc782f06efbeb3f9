package dev.keyhole.otp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Generates HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard codes. Stateless; never changes a counter. */
public final class OtpGenerator {

    private static final String STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";
    private static final int STEAM_PERIOD = 30;

    private OtpGenerator() {}

    /** @param digits 4 to 10; RFC 4226 truncation yields 31 bits, so more digits would only add zeros */
    public static String hotp(byte[] key, HashAlgorithm algorithm, long counter, int digits) {
        if (digits < OtpAuthUri.MIN_DIGITS || digits > OtpAuthUri.MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be between 4 and 10, not " + digits);
        }
        long code = truncate(hmac(key, algorithm, counter)) % pow10(digits);
        return String.format("%0" + digits + "d", code);
    }

    public static String totp(byte[] key, HashAlgorithm algorithm, long epochSecond, int period, int digits) {
        return hotp(key, algorithm, timeStep(epochSecond, period), digits);
    }

    /** Steam Guard: the truncated HMAC-SHA1 of the 30-second step, written in base 26, least significant first. */
    public static String steam(byte[] key, long epochSecond) {
        int value = truncate(hmac(key, HashAlgorithm.SHA1, timeStep(epochSecond, STEAM_PERIOD)));
        StringBuilder code = new StringBuilder(OtpAuthUri.STEAM_DIGITS);
        for (int i = 0; i < OtpAuthUri.STEAM_DIGITS; i++) {
            code.append(STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length()));
            value /= STEAM_ALPHABET.length();
        }
        return code.toString();
    }

    /** The code to type now; for HOTP, the code at the stored counter. */
    public static String current(OtpCode code, Instant now) {
        return codeAtStep(code, now, 0);
    }

    /** The code after {@link #current}: the next time step, or for HOTP the counter plus one. */
    public static String next(OtpCode code, Instant now) {
        return codeAtStep(code, now, 1);
    }

    /**
     * Seconds until the current code of a time-based kind is replaced: from the period (at the start of a step)
     * down to 1.
     *
     * @throws IllegalArgumentException for HOTP, whose codes do not expire
     */
    public static int secondsRemaining(OtpCode code, Instant now) {
        if (code.type() == OtpType.HOTP) {
            throw new IllegalArgumentException("HOTP codes do not expire");
        }
        int period = periodOf(code);
        return (int) (period - Math.floorMod(now.getEpochSecond(), (long) period));
    }

    private static String codeAtStep(OtpCode code, Instant now, int stepsAhead) {
        if (code.error() != null) {
            throw new IllegalArgumentException("no code can be generated for this entry: " + code.error());
        }
        byte[] key = Base32.decode(code.secret());
        long at = now.getEpochSecond() + (long) stepsAhead * periodOf(code);
        return switch (code.type()) {
            case HOTP -> hotp(key, code.algorithm(), code.counter() + stepsAhead, code.digits());
            case TOTP -> totp(key, code.algorithm(), at, code.period(), code.digits());
            case STEAM -> steam(key, at);
        };
    }

    /** Steam's period is fixed, whatever a hand-built {@link OtpCode} says. */
    private static int periodOf(OtpCode code) {
        return code.type() == OtpType.STEAM ? STEAM_PERIOD : code.period();
    }

    private static long timeStep(long epochSecond, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be positive, not " + period);
        }
        return Math.floorDiv(epochSecond, period);
    }

    /** RFC 4226 §5.3 dynamic truncation: 31 bits taken at an offset chosen by the last nibble. */
    private static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        return ByteBuffer.wrap(hmac, offset, 4).getInt() & 0x7fffffff;
    }

    private static byte[] hmac(byte[] key, HashAlgorithm algorithm, long counter) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (InvalidKeyException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unusable key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks " + algorithm.macName() + ", which every JVM must have", e);
        }
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
