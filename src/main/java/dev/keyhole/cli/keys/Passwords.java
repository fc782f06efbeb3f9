package dev.keyhole.cli.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Passwords as UTF-8 bytes, the encoding every format here uses, without passing through a String. */
public final class Passwords {

    private Passwords() {}

    /** Encodes the password and wipes the characters, which the caller no longer needs. */
    public static byte[] take(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        Arrays.fill(password, '\0');
        return bytes;
    }
}
