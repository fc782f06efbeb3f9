package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;

import dev.keyhole.crypto.BoxKeyPair;
import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Ente's apps do on their account settings screens, as a client would: every key is made and opened
 * here (lazysodium), at the server's KDF floor (128 MiB x 32 ops); the server gets ciphertext only.
 */
public final class EnteSettingsClient {

    public static final long MEM_LIMIT = 128L * 1024 * 1024;
    public static final long OPS_LIMIT = 32;

    /** A new account's keys and the recovery key that the sign-up shows as 24 words. */
    public record AccountKeys(EnteKeys keys, byte[] recoveryKey) {}

    private EnteSettingsClient() {}

    /** Ente's sign-up keys; {@code withRecovery} false leaves the recovery fields out, as very old apps did. */
    public static AccountKeys newAccount(String password, boolean withRecovery) {
        byte[] kekSalt = Sodium.randomBytes(16);
        byte[] kek = EnteKeys.deriveKek(password, kekSalt, MEM_LIMIT, OPS_LIMIT);
        byte[] masterKey = Sodium.randomBytes(32);
        byte[] recoveryKey = Sodium.randomBytes(32);
        BoxKeyPair keyPair = Sodium.boxKeyPair();
        Boxed wrappedMaster = Sodium.secretbox(masterKey, kek);
        Boxed wrappedSecret = Sodium.secretbox(keyPair.secretKey(), masterKey);
        ObjectNode attributes = EnteTestClient.JSON
                .createObjectNode()
                .put("kekSalt", b64(kekSalt))
                .put("encryptedKey", b64(wrappedMaster.ciphertext()))
                .put("keyDecryptionNonce", b64(wrappedMaster.nonce()))
                .put("publicKey", b64(keyPair.publicKey()))
                .put("encryptedSecretKey", b64(wrappedSecret.ciphertext()))
                .put("secretKeyDecryptionNonce", b64(wrappedSecret.nonce()))
                .put("memLimit", MEM_LIMIT)
                .put("opsLimit", OPS_LIMIT);
        if (withRecovery) {
            attributes.setAll(recoveryAttributes(masterKey, recoveryKey));
        }
        return new AccountKeys(new EnteKeys(password, kek, masterKey, keyPair, attributes), recoveryKey);
    }

    /** The body of {@code PUT /users/recovery-key}: the master key under the recovery key and back. */
    public static ObjectNode recoveryAttributes(byte[] masterKey, byte[] recoveryKey) {
        Boxed masterUnderRecovery = Sodium.secretbox(masterKey, recoveryKey);
        Boxed recoveryUnderMaster = Sodium.secretbox(recoveryKey, masterKey);
        return EnteTestClient.JSON
                .createObjectNode()
                .put("masterKeyEncryptedWithRecoveryKey", b64(masterUnderRecovery.ciphertext()))
                .put("masterKeyDecryptionNonce", b64(masterUnderRecovery.nonce()))
                .put("recoveryKeyEncryptedWithMasterKey", b64(recoveryUnderMaster.ciphertext()))
                .put("recoveryKeyDecryptionNonce", b64(recoveryUnderMaster.nonce()));
    }

    /**
     * Ente's web change-password: a new KEK wraps the same master key, then srp/setup and srp/update with
     * {@code updatedKeyAttr} (and {@code logOutOtherDevices} when not null).
     */
    public static EnteTestClient.Response changePassword(
            EnteTestClient device, String newPassword, long memLimit, long opsLimit, @Nullable Boolean logOut) {
        byte[] kekSalt = Sodium.randomBytes(16);
        byte[] newKek = memLimit >= MEM_LIMIT && memLimit * opsLimit >= MEM_LIMIT * OPS_LIMIT
                ? EnteKeys.deriveKek(newPassword, kekSalt, memLimit, opsLimit)
                // A weak KEK the server must refuse; derived cheaply, it never protects anything.
                : Sodium.randomBytes(32);
        Boxed wrapped = Sodium.secretbox(device.masterKey(), newKek);
        ObjectNode updated = EnteTestClient.JSON
                .createObjectNode()
                .put("kekSalt", b64(kekSalt))
                .put("encryptedKey", b64(wrapped.ciphertext()))
                .put("keyDecryptionNonce", b64(wrapped.nonce()))
                .put("memLimit", memLimit)
                .put("opsLimit", opsLimit);
        ObjectNode extra = EnteTestClient.JSON.createObjectNode().set("updatedKeyAttr", updated);
        if (logOut != null) {
            extra.put("logOutOtherDevices", logOut);
        }
        EnteKeys keys = new EnteKeys(newPassword, newKek, device.masterKey(), Sodium.boxKeyPair(), updated);
        return device.setUpSrp(keys, "/users/srp/update", extra);
    }

    /**
     * Ente's account recovery after an emailed-code sign-in: the master key from the recovery key, the
     * private key from the master key, the token from its seal. Returns the token (URL-safe base64).
     */
    public static String openWithRecoveryKey(JsonNode verified, byte[] recoveryKey, EnteTestClient device) {
        JsonNode attributes = verified.path("keyAttributes");
        byte[] master = Sodium.secretboxOpen(
                unb64(attributes.path("masterKeyEncryptedWithRecoveryKey").asString()),
                unb64(attributes.path("masterKeyDecryptionNonce").asString()),
                recoveryKey);
        device.adoptMasterKey(master);
        return device.openSealedToken(verified, master);
    }

    /** Ente's delete flow: the challenge opened with the account's private key, as UTF-8 text. */
    public static String openDeleteChallenge(String encryptedChallenge, JsonNode keyAttributes, byte[] masterKey) {
        byte[] secretKey = Sodium.secretboxOpen(
                unb64(keyAttributes.path("encryptedSecretKey").asString()),
                unb64(keyAttributes.path("secretKeyDecryptionNonce").asString()),
                masterKey);
        byte[] opened = Sodium.sealedBoxOpen(
                unb64(encryptedChallenge), unb64(keyAttributes.path("publicKey").asString()), secretKey);
        return new String(opened, StandardCharsets.UTF_8);
    }
}
