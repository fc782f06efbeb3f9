package dev.keyhole.cli.keys;

import dev.keyhole.cli.client.KeyAttributes;
import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;
import java.util.Base64;

/** Unlocks an account's keys on the client, from its key attributes and the password. */
public final class AccountKeys {

    private AccountKeys() {}

    /** The KEK, with the account's own Argon2id parameters. Slow by design (hundreds of MiB, seconds). */
    public static byte[] kek(KeyAttributes attributes, byte[] password) {
        return kek(attributes.kekSalt(), attributes.opsLimit(), attributes.memLimit(), password);
    }

    public static byte[] kek(String kekSalt, long opsLimit, long memLimit, byte[] password) {
        return Kdf.derive(password, decode(kekSalt), opsLimit, memLimit);
    }

    /** @throws WrongPasswordException when the KEK does not open the wrapped master key */
    public static byte[] masterKey(KeyAttributes attributes, byte[] kek) {
        try {
            return Sodium.secretboxOpen(
                    decode(attributes.encryptedKey()), decode(attributes.keyDecryptionNonce()), kek);
        } catch (CryptoException e) {
            throw new WrongPasswordException();
        }
    }

    /**
     * The auth token the server sealed to the account's public key, re-encoded as Ente's clients do: URL-safe
     * base64 with padding (docs/protocol.md §2).
     */
    public static String openToken(KeyAttributes attributes, byte[] masterKey, String encryptedToken) {
        byte[] secretKey = Sodium.secretboxOpen(
                decode(attributes.encryptedSecretKey()), decode(attributes.secretKeyDecryptionNonce()), masterKey);
        byte[] token = Sodium.sealedBoxOpen(decode(encryptedToken), decode(attributes.publicKey()), secretKey);
        return Base64.getUrlEncoder().encodeToString(token);
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
