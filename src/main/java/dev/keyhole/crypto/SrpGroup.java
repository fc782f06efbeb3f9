package dev.keyhole.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SRP-6a parameters Ente uses everywhere: the RFC 5054 4096-bit group, g = 5, SHA-256, with
 * fast-srp-hap's (hap = false) padding rules, plus the hashing and padding both sides share.
 */
public final class SrpGroup {

    /** RFC 5054 Appendix A, 4096-bit group (the same prime as RFC 3526 group 16). */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                    + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                    + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
                    + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
                    + "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                    + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
                    + "3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33"
                    + "A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                    + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864"
                    + "D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2"
                    + "08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A92108011A723C12A787E6D7"
                    + "88719A10BDBA5B2699C327186AF4E23C1A946834B6150BDA2583E9CA2AD44CE8"
                    + "DBBBC2DB04DE8EF92E8EFC141FBECAA6287C59474E6BC05D99B2964FA090C3A2"
                    + "233BA186515BE7ED1F612970CEE2D7AFB81BDD762170481CD0069127D5B05AA9"
                    + "93B4EA988D8FDDC186FFB7DC90A6C08F4DF435C934063199FFFFFFFFFFFFFFFF",
            16);

    public static final BigInteger G = BigInteger.valueOf(5);

    private static final BigInteger N_MINUS_ONE = N.subtract(BigInteger.ONE);

    /** A, B, S and the verifier are always this long on the wire, left-padded with zeros. */
    public static final int N_BYTES = 512;

    /** Length of M1 and M2 (SHA-256). */
    public static final int PROOF_BYTES = 32;

    /** Length of a fresh ephemeral secret, a or b: 256 bits, as RFC 5054 recommends at least. */
    static final int SECRET_BYTES = 32;

    /** The multiplier k = H(N | PAD(g)). */
    static final BigInteger K = number(hash(pad(N), pad(G)));

    private SrpGroup() {}

    static byte[] pad(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == N_BYTES) {
            return raw;
        }
        // toByteArray may carry a leading sign byte; an in-group value never needs more than N_BYTES.
        int start = Math.max(0, raw.length - N_BYTES);
        byte[] padded = new byte[N_BYTES];
        System.arraycopy(raw, start, padded, N_BYTES - (raw.length - start), raw.length - start);
        return padded;
    }

    static BigInteger number(byte[] bigEndian) {
        return new BigInteger(1, bigEndian);
    }

    static byte[] hash(byte[]... parts) {
        MessageDigest sha256 = sha256();
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }

    /** x = H(s | H(I | ":" | P)). */
    static BigInteger x(byte[] salt, byte[] identity, byte[] loginKey) {
        return number(hash(salt, hash(identity, new byte[] {':'}, loginKey)));
    }

    /**
     * A or B as it arrives: exactly {@link #N_BYTES} long, as Ente's server and clients send it, and a
     * proper element. RFC 5054 (section 2.5.4) only asks for A mod N != 0 and B mod N != 0; see
     * {@link #isProperElement} for the rest.
     */
    static BigInteger publicValue(byte[] value, String name) {
        BigInteger number = number(value);
        if (value.length != N_BYTES || !isProperElement(number)) {
            throw new SrpException(name + " must be " + N_BYTES + " bytes, greater than 1 and less than N - 1");
        }
        return number;
    }

    /**
     * Whether 1 < x < N - 1. Zero fixes the shared secret S (A = 0 makes it 0 on the server, B = k·v on the
     * client); 1 and N - 1 are the only elements of order at most 2 in this safe-prime group, so a verifier
     * or public value equal to them leaves S to at most two guesses; and N or more is never what an honest
     * party sends (A mod N = 0 for A = N is the classic attack). An honest party draws any of them with
     * probability about 2^-4000.
     */
    static boolean isProperElement(BigInteger x) {
        return x.compareTo(BigInteger.ONE) > 0 && x.compareTo(N_MINUS_ONE) < 0;
    }

    /**
     * The scrambler u = H(PAD(A) | PAD(B)). SRP-6a has both sides abort when it is zero: S would then not
     * depend on the password at all.
     */
    static BigInteger scrambler(byte[] publicA, byte[] publicB) {
        return requireNonZero(number(hash(publicA, publicB)));
    }

    /** The check of {@link #scrambler}, on its own so that tests can reach the case SHA-256 never produces. */
    static BigInteger requireNonZero(BigInteger u) {
        if (u.signum() == 0) {
            throw new SrpException("The SRP scrambler u = H(A | B) is zero");
        }
        return u;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
