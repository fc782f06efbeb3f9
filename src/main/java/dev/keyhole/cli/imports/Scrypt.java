package dev.keyhole.cli.imports;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import dev.keyhole.crypto.Sodium;

/**
 * scrypt (RFC 7914) from the libsodium bundled with lazysodium, for Aegis vaults.
 *
 * <p>lazysodium 5.2.0 does expose {@code crypto_pwhash_scryptsalsa208sha256_ll}, but declares its
 * {@code size_t} parameters (passwdlen, saltlen, buflen) as Java {@code int} (terl/lazysodium-java,
 * {@code com.goterl.lazysodium.interfaces.Scrypt.Native#cryptoPwHashScryptSalsa208Sha256Ll}). On x86-64
 * the ninth argument (the output length) is passed on the stack, its upper half is left undefined, and
 * libsodium then rejects the call as too long. So the same native function is called here through JNA with
 * {@code size_t} mapped to {@link NativeLong}.
 */
final class Scrypt {

    private Scrypt() {}

    // Looked up once, after Sodium has loaded the bundled library (JNA loads it with RTLD_GLOBAL).
    private static final class Loaded {
        static final Function LL = load();

        private static Function load() {
            Sodium.randomBytes(0);
            return NativeLibrary.getProcess().getFunction("crypto_pwhash_scryptsalsa208sha256_ll");
        }
    }

    static byte[] derive(byte[] password, byte[] salt, long n, int r, int p, int length) {
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || (long) r * p >= 1 << 30 || n * r * 128 > 1L << 30) {
            throw new IllegalArgumentException("unsupported scrypt parameters");
        }
        byte[] key = new byte[length];
        int result = Loaded.LL.invokeInt(new Object[] {
            password,
            new NativeLong(password.length),
            salt,
            new NativeLong(salt.length),
            n,
            r,
            p,
            key,
            new NativeLong(length)
        });
        if (result != 0) {
            throw new IllegalStateException("scrypt failed");
        }
        return key;
    }
}
