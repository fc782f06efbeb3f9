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

    /**
     * Refuses a verifier that would let a proof made without the password pass: v = 0 makes S = 0 and
     * v = 1 makes S = (B - k)^a, both computable by anyone, and v = N - 1 leaves S to two guesses (see
     * {@link SrpGroup#isProperElement}). Any length up to {@link SrpGroup#N_BYTES} is accepted: Ente's
     * mobile apps send the verifier without leading zeros (pointycastle's {@code SRP6Util.encodeBigInt}
     * in github.com/ente-io/ente, mobile/packages/accounts/lib/services/user_service.dart), and Ente's
     * server takes any length.
     */
    public static void requireUsableVerifier(byte[] verifier) {
        if (!usableVerifier(verifier)) {
            throw new SrpException("The SRP verifier must be at most " + SrpGroup.N_BYTES
                    + " bytes, greater than 1 and less than N - 1");
        }
    }

    /** Refuses an A that is not {@link SrpGroup#N_BYTES} bytes or not a proper element, before any session is kept. */
    public static void requireUsablePublicA(byte[] publicA) {
        SrpGroup.publicValue(publicA, "The SRP value A");
    }

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
     * tell a broken client from a wrong password. A degenerate verifier (one stored before they were
     * refused) never matches: no proof opens an account whose S anyone could compute.
     */
    public static Optional<byte[]> verify(byte[] verifier, byte[] secretB, byte[] publicA, byte[] clientM1) {
        BigInteger a = SrpGroup.publicValue(publicA, "The SRP value A");
        if (clientM1.length != SrpGroup.PROOF_BYTES) {
            throw new SrpException("M1 must be " + SrpGroup.PROOF_BYTES + " bytes");
        }
        if (!usableVerifier(verifier)) {
            return Optional.empty();
        }
        BigInteger v = number(verifier);
        BigInteger b = number(secretB);
        byte[] publicB = pad(publicB(v, b));
        BigInteger u = SrpGroup.scrambler(publicA, publicB);
        byte[] sharedSecret = pad(a.multiply(v.modPow(u, N)).modPow(b, N));
        byte[] expectedM1 = hash(publicA, publicB, sharedSecret);
        if (!MessageDigest.isEqual(expectedM1, clientM1)) {
            return Optional.empty();
        }
        return Optional.of(hash(publicA, clientM1, hash(sharedSecret)));
    }

    private static boolean usableVerifier(byte[] verifier) {
        return verifier.length <= SrpGroup.N_BYTES && SrpGroup.isProperElement(number(verifier));
    }

    /** B = k·v + g^b (mod N). */
    private static BigInteger publicB(BigInteger verifier, BigInteger secretB) {
        return K.multiply(verifier).add(G.modPow(secretB, N)).mod(N);
    }
}
