package dev.keyhole.crypto;

import com.goterl.lazysodium.LazySodiumJava;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.interfaces.Box;
import com.goterl.lazysodium.interfaces.PwHash;
import com.goterl.lazysodium.interfaces.SecretBox;
import com.goterl.lazysodium.interfaces.SecretStream;
import com.goterl.lazysodium.utils.LibraryLoader;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The libsodium primitives Ente uses, byte arrays in and out. Every length is checked here before the
 * call, because libsodium reads keys and nonces by their fixed size and never sees a Java array bound.
 */
public final class Sodium {

    private static final int KEY_BYTES = 32;
    private static final byte[] LOGIN_CONTEXT = "loginctx".getBytes(StandardCharsets.US_ASCII);
    private static final long LOGIN_SUBKEY_ID = 1;

    private Sodium() {}

    // Holder idiom: loading the native library is slow and must happen once, and only when first needed.
    // Always the libsodium bundled in the jar: a system copy may differ by machine, and tests must run
    // the very build that deployments run.
    private static final class Library {
        static final LazySodiumJava LAZY = new LazySodiumJava(new SodiumJava(LibraryLoader.Mode.BUNDLED_ONLY));
    }

    private static LazySodiumJava lazy() {
        return Library.LAZY;
    }

    public static byte[] randomBytes(int n) {
        require(n >= 0, "random bytes");
        return lazy().randomBytesBuf(n);
    }

    public static byte[] argon2id(byte[] password, byte[] salt16, long opsLimit, long memLimit) {
        require(salt16.length == PwHash.SALTBYTES, "argon2id");
        byte[] key = new byte[KEY_BYTES];
        // Out-of-range limits and running out of memory both come back as a failed call.
        require(
                lazy().cryptoPwHash(
                                key,
                                key.length,
                                password,
                                password.length,
                                salt16,
                                opsLimit,
                                new NativeLong(memLimit),
                                PwHash.Alg.PWHASH_ALG_ARGON2ID13),
                "argon2id");
        return key;
    }

    /** The SRP password: Ente derives 32 bytes and keeps the first 16. */
    public static byte[] loginKey(byte[] kek) {
        byte[] subkey = kdfDerive(KEY_BYTES, LOGIN_SUBKEY_ID, LOGIN_CONTEXT, kek);
        return Arrays.copyOf(subkey, 16);
    }

    static byte[] kdfDerive(int length, long subkeyId, byte[] context8, byte[] key) {
        require(key.length == KEY_BYTES && context8.length == 8 && length >= 16 && length <= 64, "kdf derive");
        byte[] subkey = new byte[length];
        require(lazy().cryptoKdfDeriveFromKey(subkey, length, subkeyId, context8, key) == 0, "kdf derive");
        return subkey;
    }

    public static Boxed secretbox(byte[] plaintext, byte[] key) {
        return secretbox(plaintext, key, randomBytes(SecretBox.NONCEBYTES));
    }

    static Boxed secretbox(byte[] plaintext, byte[] key, byte[] nonce) {
        require(key.length == SecretBox.KEYBYTES && nonce.length == SecretBox.NONCEBYTES, "secretbox");
        byte[] ciphertext = new byte[plaintext.length + SecretBox.MACBYTES];
        require(lazy().cryptoSecretBoxEasy(ciphertext, plaintext, plaintext.length, nonce, key), "secretbox");
        return new Boxed(ciphertext, nonce);
    }

    public static byte[] secretboxOpen(byte[] ciphertext, byte[] nonce, byte[] key) {
        require(
                key.length == SecretBox.KEYBYTES
                        && nonce.length == SecretBox.NONCEBYTES
                        && ciphertext.length >= SecretBox.MACBYTES,
                "secretbox open");
        byte[] plaintext = new byte[ciphertext.length - SecretBox.MACBYTES];
        require(lazy().cryptoSecretBoxOpenEasy(plaintext, ciphertext, ciphertext.length, nonce, key), "secretbox open");
        return plaintext;
    }

    /** One chunk tagged FINAL, as Ente's apps write each authenticator entity. */
    public static Streamed secretstreamEncrypt(byte[] plaintext, byte[] key) {
        require(key.length == SecretStream.KEYBYTES, "secretstream encrypt");
        SecretStream.State state = new SecretStream.State();
        byte[] header = new byte[SecretStream.HEADERBYTES];
        byte[] ciphertext = new byte[plaintext.length + SecretStream.ABYTES];
        require(
                lazy().cryptoSecretStreamInitPush(state, header, key)
                        && lazy().cryptoSecretStreamPush(
                                        state, ciphertext, plaintext, plaintext.length, SecretStream.TAG_FINAL),
                "secretstream encrypt");
        return new Streamed(ciphertext, header);
    }

    /**
     * Accepts the MESSAGE tag as well as FINAL on the single chunk: some Ente clients wrote entities with
     * tag 0, and Ente's own readers pull without requiring finalisation.
     */
    public static byte[] secretstreamDecrypt(byte[] ciphertext, byte[] header, byte[] key) {
        require(
                key.length == SecretStream.KEYBYTES
                        && header.length == SecretStream.HEADERBYTES
                        && ciphertext.length >= SecretStream.ABYTES,
                "secretstream decrypt");
        SecretStream.State state = new SecretStream.State();
        byte[] plaintext = new byte[ciphertext.length - SecretStream.ABYTES];
        byte[] tag = new byte[1];
        require(
                lazy().cryptoSecretStreamInitPull(state, header, key)
                        && lazy().cryptoSecretStreamPull(state, plaintext, tag, ciphertext, ciphertext.length)
                        && (tag[0] == SecretStream.TAG_FINAL || tag[0] == SecretStream.TAG_MESSAGE),
                "secretstream decrypt");
        return plaintext;
    }

    public static BoxKeyPair boxKeyPair() {
        byte[] publicKey = new byte[Box.PUBLICKEYBYTES];
        byte[] secretKey = new byte[Box.SECRETKEYBYTES];
        require(lazy().cryptoBoxKeypair(publicKey, secretKey), "box keypair");
        return new BoxKeyPair(publicKey, secretKey);
    }

    public static byte[] sealedBoxSeal(byte[] message, byte[] publicKey) {
        require(publicKey.length == Box.PUBLICKEYBYTES, "sealed box seal");
        byte[] ciphertext = new byte[message.length + Box.SEALBYTES];
        require(lazy().cryptoBoxSeal(ciphertext, message, message.length, publicKey), "sealed box seal");
        return ciphertext;
    }

    public static byte[] sealedBoxOpen(byte[] ciphertext, byte[] publicKey, byte[] secretKey) {
        require(
                publicKey.length == Box.PUBLICKEYBYTES
                        && secretKey.length == Box.SECRETKEYBYTES
                        && ciphertext.length >= Box.SEALBYTES,
                "sealed box open");
        byte[] message = new byte[ciphertext.length - Box.SEALBYTES];
        require(
                lazy().cryptoBoxSealOpen(message, ciphertext, ciphertext.length, publicKey, secretKey),
                "sealed box open");
        return message;
    }

    private static void require(boolean condition, String operation) {
        if (!condition) {
            throw new CryptoException(operation);
        }
    }
}
