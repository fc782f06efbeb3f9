package dev.keyhole.cli.keys;

import dev.keyhole.cli.client.KeyAttributes;
import dev.keyhole.crypto.BoxKeyPair;
import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import java.util.Base64;

/**
 * The keys of a new account, made as Ente's clients make them (docs/protocol.md §1): a random master key and
 * recovery key, an X25519 key pair, the master key wrapped under the password's KEK and under the recovery key.
 *
 * @param kek kept for the SRP login key, which is derived from it
 */
public record NewAccountKeys(KeyAttributes attributes, byte[] masterKey, byte[] recoveryKey, byte[] kek) {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** With Ente's adaptive Argon2id parameters, which the server requires for account keys. */
    public static NewAccountKeys generate(byte[] password) {
        return generate(Kdf.sensitive(password));
    }

    static NewAccountKeys generate(DerivedKey kek) {
        byte[] masterKey = Sodium.randomBytes(32);
        byte[] recoveryKey = Sodium.randomBytes(32);
        BoxKeyPair keyPair = Sodium.boxKeyPair();
        Boxed wrappedMaster = Sodium.secretbox(masterKey, kek.key());
        Boxed wrappedSecret = Sodium.secretbox(keyPair.secretKey(), masterKey);
        Boxed masterUnderRecovery = Sodium.secretbox(masterKey, recoveryKey);
        Boxed recoveryUnderMaster = Sodium.secretbox(recoveryKey, masterKey);
        KeyAttributes attributes = new KeyAttributes(
                b64(kek.salt()),
                b64(wrappedMaster.ciphertext()),
                b64(wrappedMaster.nonce()),
                b64(keyPair.publicKey()),
                b64(wrappedSecret.ciphertext()),
                b64(wrappedSecret.nonce()),
                kek.memLimit(),
                kek.opsLimit(),
                b64(masterUnderRecovery.ciphertext()),
                b64(masterUnderRecovery.nonce()),
                b64(recoveryUnderMaster.ciphertext()),
                b64(recoveryUnderMaster.nonce()));
        return new NewAccountKeys(attributes, masterKey, recoveryKey, kek.key());
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }
}
