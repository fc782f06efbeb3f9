package dev.keyhole.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA-256, the one-way functions the server keeps instead of secrets (tokens, session
 * ids, emailed codes) and names rate-limit buckets by. Every JVM has both, so their absence is a bug.
 */
public final class Sha256 {

    private Sha256() {}

    public static byte[] digest(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The digest in lower-case hex. */
    public static String hex(byte[] input) {
        return HexFormat.of().formatHex(digest(input));
    }

    /** HMAC over the parts joined by NUL, which none of them contains. */
    public static byte[] hmac(byte[] key, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(String.join("\0", parts).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
