package dev.keyhole.cli.imports;

import dev.keyhole.otp.Base32;
import dev.keyhole.otp.CodeDisplay;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.OtpType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Google Authenticator's "Transfer accounts" export: {@code otpauth-migration://offline?data=<base64>}, where
 * the data is a protobuf MigrationPayload whose field 1 repeats OtpParameters {secret = 1 (bytes), name = 2,
 * issuer = 3, algorithm = 4, digits = 5, type = 6, counter = 7}. Large exports come as several such URIs.
 */
final class GoogleMigration {

    private static final String PREFIX = "otpauth-migration://";

    private GoogleMigration() {}

    static boolean isMigrationUri(String line) {
        return line.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static ImportBatch read(String uri, String source) {
        ImportBatch.Builder batch = new ImportBatch.Builder();
        Protobuf payload;
        try {
            payload = new Protobuf(data(uri));
        } catch (IllegalArgumentException e) {
            batch.fail(source, "not a Google Authenticator export: " + e.getMessage());
            return batch.build();
        }
        int index = 0;
        try {
            while (payload.hasMore()) {
                int key = payload.key();
                if (key >>> 3 == 1 && (key & 7) == Protobuf.LENGTH_DELIMITED) {
                    index++;
                    readEntry(payload.message(), source + ", entry " + index, batch);
                } else {
                    payload.skip(key & 7);
                }
            }
        } catch (IllegalArgumentException e) {
            batch.fail(source, "the Google Authenticator export is corrupted (" + e.getMessage() + ")");
        }
        return batch.build();
    }

    /** The base64 payload; '+' is kept as '+' because scanners often leave it unescaped. */
    private static byte[] data(String uri) {
        int query = uri.indexOf('?');
        for (String pair : (query < 0 ? "" : uri.substring(query + 1)).split("&")) {
            if (pair.startsWith("data=")) {
                String value = URLDecoder.decode(pair.substring(5).replace("+", "%2B"), StandardCharsets.UTF_8);
                return Base64.getDecoder()
                        .decode(value.replace('-', '+').replace('_', '/').strip());
            }
        }
        throw new IllegalArgumentException("no data parameter");
    }

    private static void readEntry(Protobuf entry, String source, ImportBatch.Builder batch) {
        byte[] secret = new byte[0];
        String name = "";
        String issuer = "";
        long algorithm = 0;
        long digits = 0;
        long type = 0;
        long counter = 0;
        while (entry.hasMore()) {
            int key = entry.key();
            switch (key >>> 3) {
                case 1 -> secret = entry.bytes();
                case 2 -> name = new String(entry.bytes(), StandardCharsets.UTF_8);
                case 3 -> issuer = new String(entry.bytes(), StandardCharsets.UTF_8);
                case 4 -> algorithm = entry.varint();
                case 5 -> digits = entry.varint();
                case 6 -> type = entry.varint();
                case 7 -> counter = entry.varint();
                default -> entry.skip(key & 7);
            }
        }
        if (algorithm == 4) {
            batch.fail(source, "MD5 codes are not supported");
            return;
        }
        // Google writes "Issuer:account" as the name and the issuer again on its own.
        String account = name;
        int colon = name.indexOf(':');
        if (colon >= 0 && (issuer.isEmpty() || name.substring(0, colon).strip().equals(issuer.strip()))) {
            issuer = issuer.isEmpty() ? name.substring(0, colon) : issuer;
            account = name.substring(colon + 1);
        }
        Codes.add(
                batch,
                source,
                new Codes.Fields(
                        type == 1 ? OtpType.HOTP : OtpType.TOTP,
                        issuer,
                        account,
                        Base32.encode(secret),
                        algorithm(algorithm),
                        digits == 2 ? 8 : 6,
                        30,
                        counter,
                        CodeDisplay.DEFAULT));
    }

    private static HashAlgorithm algorithm(long value) {
        return value == 2 ? HashAlgorithm.SHA256 : value == 3 ? HashAlgorithm.SHA512 : HashAlgorithm.SHA1;
    }
}
