package dev.keyhole.cli.imports;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM decryption with a 128-bit tag, as Aegis and 2FAS use it, from the JDK. */
final class AesGcm {

    private AesGcm() {}

    /**
     * @param ciphertextAndTag the ciphertext followed by its 16-byte tag (the JDK's layout)
     * @throws AEADBadTagException for a wrong key or tampered data
     */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return cipher.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key or nonce of the wrong size: the file's parameters are broken, which is no better than a bad tag.
            throw new AEADBadTagException("unusable AES-GCM parameters");
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
