package dev.keyhole.cli.keys;

import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;

/**
 * Argon2id as Ente's clients use it: 32-byte keys, 16-byte salts, parameters stored next to what they protect.
 */
public final class Kdf {

    public static final int SALT_BYTES = 16;
    static final long MIB = 1024 * 1024;
    /** Ente's web and Rust clients start here; memLimit × opsLimit is the 4 GiB·ops the server requires. */
    static final long START_MEM = 256 * MIB;

    static final long START_OPS = 16;
    /** The server's floor for account keys (docs/protocol.md §1). */
    static final long MIN_MEM = 128 * MIB;

    private Kdf() {}

    public static byte[] derive(byte[] password, byte[] salt, long opsLimit, long memLimit) {
        return Sodium.argon2id(password, salt, opsLimit, memLimit);
    }

    /**
     * Ente's adaptive "sensitive" derivation with a fresh salt: 256 MiB / 16 ops, and while memory cannot be had,
     * half the memory for twice the passes, down to 128 MiB.
     */
    public static DerivedKey sensitive(byte[] password) {
        byte[] salt = Sodium.randomBytes(SALT_BYTES);
        long mem = START_MEM;
        long ops = START_OPS;
        while (true) {
            try {
                return new DerivedKey(derive(password, salt, ops, mem), salt, mem, ops);
            } catch (CryptoException e) {
                if (mem / 2 < MIN_MEM) {
                    throw new IllegalStateException("Not enough memory for Argon2id (" + MIN_MEM / MIB + " MiB).");
                }
                mem /= 2;
                ops *= 2;
            }
        }
    }

    /** Fixed parameters with a fresh salt; for exports whose reader accepts any, and for tests. */
    public static DerivedKey withParameters(byte[] password, long opsLimit, long memLimit) {
        byte[] salt = Sodium.randomBytes(SALT_BYTES);
        return new DerivedKey(derive(password, salt, opsLimit, memLimit), salt, memLimit, opsLimit);
    }
}
