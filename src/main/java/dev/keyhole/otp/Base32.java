package dev.keyhole.otp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 base32, the way authenticator secrets are written: case-insensitive, spaces ignored,
 * padding optional.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    /**
     * The canonical spelling of a secret as users and other apps write it: whitespace removed, upper case,
     * trailing '=' padding removed. Does not check the alphabet; {@link #decode} does.
     */
    public static String normalise(String secret) {
        StringBuilder normalised = new StringBuilder(secret.length());
        secret.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(normalised::appendCodePoint);
        int end = normalised.length();
        while (end > 0 && normalised.charAt(end - 1) == '=') {
            end--;
        }
        return normalised.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /**
     * Decodes a secret after {@link #normalise normalising} it. Bits left over at the end (a length that is
     * not a multiple of 8 characters) are dropped, as every authenticator does.
     *
     * @throws IllegalArgumentException naming the first character outside the base32 alphabet
     */
    public static byte[] decode(String secret) {
        String normalised = normalise(secret);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(normalised.length() * 5 / 8);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' (character " + (i + 1) + ") is not a base32 character");
            }
            buffer = (buffer << 5) | value;
            bitsInBuffer += 5;
            if (bitsInBuffer >= 8) {
                bitsInBuffer -= 8;
                bytes.write(buffer >>> bitsInBuffer);
                buffer &= (1 << bitsInBuffer) - 1;
            }
        }
        return bytes.toByteArray();
    }

    /** Encodes without '=' padding, the usual form in otpauth URIs. */
    public static String encode(byte[] data) {
        StringBuilder encoded = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5) {
                bitsInBuffer -= 5;
                encoded.append(ALPHABET.charAt((buffer >>> bitsInBuffer) & 31));
            }
            buffer &= (1 << bitsInBuffer) - 1;
        }
        if (bitsInBuffer > 0) {
            encoded.append(ALPHABET.charAt((buffer << (5 - bitsInBuffer)) & 31));
        }
        return encoded.toString();
    }
}
