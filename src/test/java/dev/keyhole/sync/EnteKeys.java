package dev.keyhole.sync;

import dev.keyhole.crypto.BoxKeyPair;
import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an Ente client generates at sign-up (spec section 1): master key, KEK by Argon2id with the web
 * client's parameters (256 MiB, 16 ops: the server's floor), key pair, recovery key, and the key
 * attributes that wrap them. Argon2id at these parameters takes seconds, so derivations are cached.
 */
public record EnteKeys(String password, byte[] kek, byte[] masterKey, BoxKeyPair keyPair, ObjectNode keyAttributes) {

    public static final long MEM_LIMIT = 256L * 1024 * 1024;
    public static final long OPS_LIMIT = 16;

    private static final Map<String, byte[]> KEK_CACHE = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static EnteKeys generate(String password) {
        byte[] kekSalt = Sodium.randomBytes(16);
        byte[] kek = deriveKek(password, kekSalt, MEM_LIMIT, OPS_LIMIT);
        byte[] masterKey = Sodium.randomBytes(32);
        byte[] recoveryKey = Sodium.randomBytes(32);
        BoxKeyPair keyPair = Sodium.boxKeyPair();
        Boxed wrappedMaster = Sodium.secretbox(masterKey, kek);
        Boxed wrappedSecret = Sodium.secretbox(keyPair.secretKey(), masterKey);
        Boxed masterUnderRecovery = Sodium.secretbox(masterKey, recoveryKey);
        Boxed recoveryUnderMaster = Sodium.secretbox(recoveryKey, masterKey);
        ObjectNode attributes = JSON.createObjectNode()
                .put("kekSalt", b64(kekSalt))
                .put("encryptedKey", b64(wrappedMaster.ciphertext()))
                .put("keyDecryptionNonce", b64(wrappedMaster.nonce()))
                .put("publicKey", b64(keyPair.publicKey()))
                .put("encryptedSecretKey", b64(wrappedSecret.ciphertext()))
                .put("secretKeyDecryptionNonce", b64(wrappedSecret.nonce()))
                .put("memLimit", MEM_LIMIT)
                .put("opsLimit", OPS_LIMIT)
                .put("masterKeyEncryptedWithRecoveryKey", b64(masterUnderRecovery.ciphertext()))
                .put("masterKeyDecryptionNonce", b64(masterUnderRecovery.nonce()))
                .put("recoveryKeyEncryptedWithMasterKey", b64(recoveryUnderMaster.ciphertext()))
                .put("recoveryKeyDecryptionNonce", b64(recoveryUnderMaster.nonce()));
        return new EnteKeys(password, kek, masterKey, keyPair, attributes);
    }

    /** KEK = Argon2id(password, kekSalt, opsLimit, memLimit), as a client derives it at every sign-in. */
    public static byte[] deriveKek(String password, byte[] kekSalt, long memLimit, long opsLimit) {
        String key = password + "|" + b64(kekSalt) + "|" + memLimit + "|" + opsLimit;
        return KEK_CACHE
                .computeIfAbsent(
                        key,
                        k -> Sodium.argon2id(password.getBytes(StandardCharsets.UTF_8), kekSalt, opsLimit, memLimit))
                .clone();
    }

    public byte[] loginKey() {
        return Sodium.loginKey(kek);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
