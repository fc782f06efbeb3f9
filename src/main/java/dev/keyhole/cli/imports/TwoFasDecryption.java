package dev.keyhole.cli.imports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Opens {@code servicesEncrypted} of an encrypted 2FAS backup: three base64 parts "ciphertext:salt:iv", the key
 * PBKDF2-HMAC-SHA256(password, salt, 10000 iterations, 256 bits), AES-GCM with the tag at the end of the
 * ciphertext. The plaintext is the JSON array of services.
 */
final class TwoFasDecryption {

    private static final int ITERATIONS = 10_000;

    private TwoFasDecryption() {}

    static String decrypt(String servicesEncrypted, FilePassword password) throws ImportException {
        String[] parts = servicesEncrypted.split(":");
        byte[] ciphertext;
        byte[] salt;
        byte[] iv;
        try {
            ciphertext = Base64.getDecoder().decode(parts[0]);
            salt = Base64.getDecoder().decode(parts[1]);
            iv = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new ImportException("The " + TwoFasImporter.NAME + " is corrupted: its encrypted services "
                    + "are not three base64 parts.");
        }
        char[] chars = password.ask();
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, salt, ITERATIONS, 256))
                    .getEncoded();
            return new String(AesGcm.decrypt(key, iv, ciphertext), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | InvalidKeySpecException e) {
            // An empty password is refused by the key factory. GCM cannot tell a wrong key from damaged data; a wrong
            // password is by far the likelier.
            throw new ImportException(
                    "Wrong password for this " + TwoFasImporter.NAME + " (or the file is corrupted).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks PBKDF2WithHmacSHA256, which every JVM must have", e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
