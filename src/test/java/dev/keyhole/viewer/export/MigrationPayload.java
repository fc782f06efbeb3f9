package dev.keyhole.viewer.export;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Google Authenticator's MigrationPayload read from an {@code otpauth-migration://offline?data=} URI, decoded
 * here by hand from the protobuf wire format so that the test checks the browser's bytes, not a shared
 * encoder. Field numbers as Google's app and the open importers (Aegis, Ente) read them.
 */
record MigrationPayload(List<Otp> otps, int version, int batchSize, int batchIndex, int batchId) {

    /** {@code algorithm}: 1 SHA1, 2 SHA256, 3 SHA512; {@code digits}: 1 six, 2 eight; {@code type}: 1 HOTP, 2 TOTP. */
    record Otp(byte[] secret, String name, String issuer, int algorithm, int digits, int type, long counter) {}

    private static final String PREFIX = "otpauth-migration://offline?data=";

    static MigrationPayload parse(String uri) {
        if (!uri.startsWith(PREFIX)) {
            throw new AssertionError("not a migration URI: " + uri.substring(0, Math.min(30, uri.length())));
        }
        byte[] data =
                Base64.getDecoder().decode(URLDecoder.decode(uri.substring(PREFIX.length()), StandardCharsets.UTF_8));
        Reader reader = new Reader(data);
        List<Otp> otps = new ArrayList<>();
        int version = 0;
        int batchSize = 0;
        int batchIndex = 0;
        int batchId = 0;
        while (reader.more()) {
            int key = (int) reader.varint();
            switch (key) {
                case (1 << 3) | 2 -> otps.add(otp(new Reader(reader.bytes())));
                case (2 << 3) -> version = (int) reader.varint();
                case (3 << 3) -> batchSize = (int) reader.varint();
                case (4 << 3) -> batchIndex = (int) reader.varint();
                case (5 << 3) -> batchId = (int) reader.varint();
                default -> throw new AssertionError("unexpected payload field key " + key);
            }
        }
        return new MigrationPayload(List.copyOf(otps), version, batchSize, batchIndex, batchId);
    }

    private static Otp otp(Reader reader) {
        byte[] secret = new byte[0];
        String name = "";
        String issuer = "";
        int algorithm = 0;
        int digits = 0;
        int type = 0;
        long counter = 0;
        while (reader.more()) {
            int key = (int) reader.varint();
            switch (key) {
                case (1 << 3) | 2 -> secret = reader.bytes();
                case (2 << 3) | 2 -> name = new String(reader.bytes(), StandardCharsets.UTF_8);
                case (3 << 3) | 2 -> issuer = new String(reader.bytes(), StandardCharsets.UTF_8);
                case (4 << 3) -> algorithm = (int) reader.varint();
                case (5 << 3) -> digits = (int) reader.varint();
                case (6 << 3) -> type = (int) reader.varint();
                case (7 << 3) -> counter = reader.varint();
                default -> throw new AssertionError("unexpected OtpParameters field key " + key);
            }
        }
        return new Otp(secret, name, issuer, algorithm, digits, type, counter);
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean more() {
            return at < data.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = data[at++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        }

        byte[] bytes() {
            int length = (int) varint();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, at, length);
            at += length;
            return out.toByteArray();
        }
    }
}
