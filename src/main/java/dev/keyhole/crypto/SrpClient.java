package dev.keyhole.crypto;

import static dev.keyhole.crypto.SrpGroup.G;
import static dev.keyhole.crypto.SrpGroup.K;
import static dev.keyhole.crypto.SrpGroup.N;
import static dev.keyhole.crypto.SrpGroup.hash;
import static dev.keyhole.crypto.SrpGroup.number;
import static dev.keyhole.crypto.SrpGroup.pad;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * The client side of SRP-6a, as Ente's apps run it; used by the CLI and by tests that play an Ente
 * client. One instance serves one login attempt: {@link #publicA}, then {@link #computeM1}, then
 * {@link #verifyM2}. Not thread-safe.
 */
public final class SrpClient {

    private final BigInteger x;
    private final BigInteger secretA;
    private final byte[] publicA;
    private byte @Nullable [] expectedM2;

    /** The verifier v = g^x sent at sign-up; {@code identity} is the srpUserID. */
    public static byte[] computeVerifier(byte[] salt, String identity, byte[] loginKey) {
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        return pad(G.modPow(SrpGroup.x(salt, id, loginKey), N));
    }

    public SrpClient(byte[] salt, String identity, byte[] loginKey) {
        this(salt, identity, loginKey, Sodium.randomBytes(SrpGroup.SECRET_BYTES));
    }

    /** A fixed a reproduces a recorded exchange in tests. */
    SrpClient(byte[] salt, String identity, byte[] loginKey, byte[] secretA) {
        this.x = SrpGroup.x(salt, identity.getBytes(StandardCharsets.UTF_8), loginKey);
        this.secretA = number(secretA);
        this.publicA = pad(G.modPow(this.secretA, N));
    }

    /** A = g^a, 512 bytes. */
    public byte[] publicA() {
        return publicA.clone();
    }

    /**
     * The proof M1 = H(A | B | S) for the server's B. A B that is not a proper element (B mod N = 0 is
     * RFC 5054's case), or one that makes u zero, is refused with an {@link SrpException}: a server that
     * sends one is not following SRP-6a, and the CLI stops there.
     */
    public byte[] computeM1(byte[] publicB) {
        BigInteger b = SrpGroup.publicValue(publicB, "The server's SRP value B");
        BigInteger u = SrpGroup.scrambler(publicA, publicB);
        BigInteger base = b.subtract(K.multiply(G.modPow(x, N))).mod(N);
        byte[] sharedSecret = pad(base.modPow(secretA.add(u.multiply(x)), N));
        byte[] m1 = hash(publicA, publicB, sharedSecret);
        expectedM2 = hash(publicA, m1, hash(sharedSecret));
        return m1;
    }

    /** True when the server proved it knows the verifier (M2 = H(A | M1 | K)). */
    public boolean verifyM2(byte[] m2) {
        byte[] expected = expectedM2;
        if (expected == null) {
            throw new IllegalStateException("computeM1 must be called before verifyM2");
        }
        return MessageDigest.isEqual(expected, m2);
    }
}
