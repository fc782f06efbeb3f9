package dev.keyhole.account;

import dev.keyhole.account.internal.ServerSecrets;
import dev.keyhole.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keeps TOTP seeds (the account's second factor, which the server must read to check a code) encrypted at
 * rest: AES-256-GCM from the JDK under a server key, bound to the account's id so that a row copied to
 * another account does not open. Why the server may hold these at all: ADR 0014.
 */
@Component
class TotpSeedCipher {

    private static final String KEY_NAME = "two-factor-seeds";
    private static final String HASH_KEY_NAME = "two-factor-hashes";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSecrets secrets;

    TotpSeedCipher(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** base64 of nonce | ciphertext | tag. */
    String seal(UserId user, String seed) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, user, nonce, seed.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());
    }

    String open(UserId user, String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, user, nonce, sealed), StandardCharsets.US_ASCII);
    }

    /** What a recovery's secret is compared with: an HMAC, so the table alone cannot confirm a guess. */
    String hash(UserId user, String seed) {
        return HexFormat.of().formatHex(Sha256.hmac(secrets.key(HASH_KEY_NAME), Long.toString(user.value()), seed));
    }

    boolean matches(UserId user, String seed, String storedHash) {
        return MessageDigest.isEqual(
                hash(user, seed).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] run(int mode, UserId user, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(secrets.key(KEY_NAME), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(Long.toString(user.value()).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Only a changed server key or a tampered row gets here; neither message nor cause names the seed.
            throw new IllegalStateException("a stored TOTP seed does not open under the server key", e);
        }
    }
}
