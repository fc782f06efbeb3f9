package dev.keyhole.crypto;

import static dev.keyhole.crypto.SrpGroup.G;
import static dev.keyhole.crypto.SrpGroup.K;
import static dev.keyhole.crypto.SrpGroup.N;
import static dev.keyhole.crypto.SrpGroup.hash;
import static dev.keyhole.crypto.SrpGroup.number;
import static dev.keyhole.crypto.SrpGroup.pad;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The server side of SRP-6a. It keeps no state: create-session and verify-session are separate requests
 * that may reach different nodes, so the caller stores {@link Challenge#secretB} with the session and
 * hands it back to {@link #verify}, which recomputes B from it.
 */
public final class SrpServer {

    /** b is the server's ephemeral secret: store it with the session, never send it. B goes to the client. */
    public record Challenge(byte[] secretB, byte[] publicB) {}

    private SrpServer() {}

    public static Challenge begin(byte[] verifier) {
        return begin(verifier, Sodium.randomBytes(SrpGroup.SECRET_BYTES));
    }

    /** A fixed b reproduces a recorded exchange in tests. */
    static Challenge begin(byte[] verifier, byte[] secretB) {
        return new Challenge(secretB, pad(publicB(number(verifier), number(secretB))));
    }

    /**
     * Checks the client's proof M1 and returns the server's proof M2, or empty when the password (so the
     * verifier) does not match. A malformed A or M1 is a {@link SrpException} instead, so that callers can
     * tell a broken client from a wrong password.
     */
    public static Optional<byte[]> verify(byte[] verifier, byte[] secretB, byte[] publicA, byte[] clientM1) {
        BigInteger a = SrpGroup.publicValue(publicA, "A");
        if (clientM1.length != SrpGroup.PROOF_BYTES) {
            throw new SrpException("M1 must be " + SrpGroup.PROOF_BYTES + " bytes");
        }
        BigInteger v = number(verifier);
        BigInteger b = number(secretB);
        byte[] publicB = pad(publicB(v, b));
        BigInteger u = number(hash(publicA, publicB));
        byte[] sharedSecret = pad(a.multiply(v.modPow(u, N)).modPow(b, N));
        byte[] expectedM1 = hash(publicA, publicB, sharedSecret);
        if (!MessageDigest.isEqual(expectedM1, clientM1)) {
            return Optional.empty();
        }
        return Optional.of(hash(publicA, clientM1, hash(sharedSecret)));
    }

    /** B = k·v + g^b (mod N). */
    private static BigInteger publicB(BigInteger verifier, BigInteger secretB) {
        return K.multiply(verifier).add(G.modPow(secretB, N)).mod(N);
    }
}
