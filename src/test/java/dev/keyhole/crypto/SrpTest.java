package dev.keyhole.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.testing.Vectors;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SrpTest {

    private static final JsonNode VECTOR = Vectors.json("srp.json");
    private static final String IDENTITY = VECTOR.get("identity").stringValue();
    private static final byte[] SALT = b64("saltB64");
    private static final byte[] LOGIN_KEY = b64("loginKeyB64");
    private static final byte[] VERIFIER = b64("verifierB64");
    private static final byte[] SECRET_A =
            HexFormat.of().parseHex(VECTOR.get("clientSecretAHex").stringValue());
    private static final byte[] SECRET_B =
            HexFormat.of().parseHex(VECTOR.get("serverSecretBHex").stringValue());

    @Test
    void computeVerifierReproducesTheVectorVerifier() {
        assertThat(SrpClient.computeVerifier(SALT, IDENTITY, LOGIN_KEY)).isEqualTo(VERIFIER);
    }

    @Test
    void theRecordedExchangeIsReproducedByteForByte() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY, SECRET_A);
        assertThat(client.publicA()).isEqualTo(b64("AB64"));

        SrpServer.Challenge challenge = SrpServer.begin(VERIFIER, SECRET_B);
        assertThat(challenge.publicB()).isEqualTo(b64("BB64"));

        byte[] m1 = client.computeM1(challenge.publicB());
        assertThat(m1).isEqualTo(b64("M1B64"));

        byte[] m2 = SrpServer.verify(VERIFIER, challenge.secretB(), client.publicA(), m1)
                .orElseThrow();
        assertThat(m2).isEqualTo(b64("M2B64"));
        assertThat(client.verifyM2(m2)).isTrue();
    }

    @Test
    void aFreshExchangeSucceedsWithRandomSecretsOnBothSides() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY);
        SrpServer.Challenge challenge = SrpServer.begin(VERIFIER);
        assertThat(challenge.secretB()).hasSize(32);
        assertThat(challenge.publicB()).hasSize(512);

        byte[] m1 = client.computeM1(challenge.publicB());
        byte[] m2 = SrpServer.verify(VERIFIER, challenge.secretB(), client.publicA(), m1)
                .orElseThrow();
        assertThat(client.verifyM2(m2)).isTrue();
    }

    @Test
    void theServerRejectsTheProofOfAClientWithAnotherLoginKey() {
        byte[] wrongLoginKey = LOGIN_KEY.clone();
        wrongLoginKey[0] ^= 1;
        SrpClient impostor = new SrpClient(SALT, IDENTITY, wrongLoginKey, SECRET_A);
        SrpServer.Challenge challenge = SrpServer.begin(VERIFIER, SECRET_B);

        byte[] m1 = impostor.computeM1(challenge.publicB());

        assertThat(SrpServer.verify(VERIFIER, challenge.secretB(), impostor.publicA(), m1))
                .isEmpty();
    }

    @Test
    void theClientRejectsAnM2ThatIsNotTheServers() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY, SECRET_A);
        client.computeM1(b64("BB64"));
        byte[] forged = b64("M2B64");
        forged[0] ^= 1;
        assertThat(client.verifyM2(forged)).isFalse();
    }

    @Test
    void theServerRefusesEveryDegenerateABeforeAndAfterTheSession() {
        degenerate().forEach((name, publicA) -> {
            assertThatThrownBy(() -> SrpServer.requireUsablePublicA(publicA))
                    .as(name)
                    .isInstanceOf(SrpException.class);
            assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, publicA, b64("M1B64")))
                    .as(name)
                    .isInstanceOf(SrpException.class);
        });
    }

    @Test
    void theBoundsAreTightTwoAndNMinusTwoAreAcceptedAsA() {
        SrpServer.requireUsablePublicA(b64("AB64"));
        SrpServer.requireUsablePublicA(SrpGroup.pad(BigInteger.TWO));
        SrpServer.requireUsablePublicA(SrpGroup.pad(SrpGroup.N.subtract(BigInteger.TWO)));
    }

    @Test
    void aDegenerateVerifierIsRefusedAtSetup() {
        Map<String, byte[]> verifiers = degenerate();
        verifiers.put("one zero byte", new byte[1]);
        byte[] tooLong = new byte[513];
        System.arraycopy(VERIFIER, 0, tooLong, 1, 512);
        verifiers.put("513 bytes", tooLong);
        verifiers.forEach((name, verifier) -> assertThatThrownBy(() -> SrpServer.requireUsableVerifier(verifier))
                .as(name)
                .isInstanceOf(SrpException.class));
    }

    @Test
    void aVerifierWithoutLeadingZerosAsEnteMobileSendsItIsAccepted() {
        SrpServer.requireUsableVerifier(VERIFIER);
        BigInteger small = BigInteger.ONE.shiftLeft(4000).add(BigInteger.valueOf(12345));
        byte[] minimal = new BigInteger(1, SrpGroup.pad(small)).toByteArray();
        assertThat(minimal.length).isLessThan(512);
        SrpServer.requireUsableVerifier(minimal);
    }

    /** With v = 0, S = 0; with v = 1, S = A^b = (B - k)^a; with v = N - 1, S = ±(B + k)^a: all known to a stranger. */
    @Test
    void aDegenerateStoredVerifierMatchesNoProofMadeWithoutThePassword() {
        BigInteger a = SrpGroup.number(SECRET_A);
        byte[] publicA = SrpGroup.pad(SrpGroup.G.modPow(a, SrpGroup.N));
        BigInteger n = SrpGroup.N;
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, n.subtract(BigInteger.ONE)}) {
            byte[] publicB = SrpServer.begin(SrpGroup.pad(v), SECRET_B).publicB();
            // B = k·v + g^b, so a stranger who knows v recovers g^b, and S = ±(g^b)^a or 0.
            BigInteger s = SrpGroup.number(publicB)
                    .subtract(SrpGroup.K.multiply(v))
                    .mod(n)
                    .modPow(a, n);
            List<BigInteger> guesses = v.signum() == 0 ? List.of(BigInteger.ZERO) : List.of(s, n.subtract(s));
            for (BigInteger guess : guesses) {
                byte[] forged = SrpGroup.hash(publicA, publicB, SrpGroup.pad(guess));
                assertThat(SrpServer.verify(SrpGroup.pad(v), SECRET_B, publicA, forged))
                        .as("v = " + v.bitLength() + "-bit value")
                        .isEmpty();
            }
        }
    }

    @Test
    void theServerRefusesAnAThatIsNotFiveHundredTwelveBytes() {
        byte[] publicA = b64("AB64");
        byte[] withLeadingZero = new byte[513];
        System.arraycopy(publicA, 0, withLeadingZero, 1, 512);
        byte[] truncated = Arrays.copyOf(publicA, 511);
        assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, withLeadingZero, b64("M1B64")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, truncated, b64("M1B64")))
                .isInstanceOf(SrpException.class);
    }

    @Test
    void theServerRefusesAnM1ThatIsNotThirtyTwoBytes() {
        for (int length : new int[] {0, 31, 33, 64}) {
            byte[] m1 = Arrays.copyOf(b64("M1B64"), length);
            assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, b64("AB64"), m1))
                    .as(length + " bytes")
                    .isInstanceOf(SrpException.class);
        }
    }

    @Test
    void theClientRefusesEveryDegenerateB() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY, SECRET_A);
        degenerate()
                .forEach((name, publicB) -> assertThatThrownBy(() -> client.computeM1(publicB))
                        .as(name)
                        .isInstanceOf(SrpException.class));
        byte[] truncated = Arrays.copyOf(b64("BB64"), 511);
        assertThatThrownBy(() -> client.computeM1(truncated)).isInstanceOf(SrpException.class);
        assertThat(client.computeM1(b64("BB64"))).isEqualTo(b64("M1B64"));
    }

    @Test
    void bothSidesRefuseAZeroScrambler() {
        assertThatThrownBy(() -> SrpGroup.requireNonZero(BigInteger.ZERO)).isInstanceOf(SrpException.class);
        assertThat(SrpGroup.requireNonZero(BigInteger.ONE)).isEqualTo(BigInteger.ONE);
        assertThat(SrpGroup.scrambler(b64("AB64"), b64("BB64"))).isPositive();
    }

    @Test
    void verifyM2BeforeComputeM1IsAProgrammingError() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY);
        assertThatThrownBy(() -> client.verifyM2(b64("M2B64"))).isInstanceOf(IllegalStateException.class);
    }

    /** 512-byte values that are not proper elements: zero, the elements of order 2 or less, and N or more. */
    private static Map<String, byte[]> degenerate() {
        BigInteger n = SrpGroup.N;
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("0", new byte[512]);
        values.put("1", SrpGroup.pad(BigInteger.ONE));
        values.put("N - 1", SrpGroup.pad(n.subtract(BigInteger.ONE)));
        values.put("N", SrpGroup.pad(n));
        values.put("N + 1", SrpGroup.pad(n.add(BigInteger.ONE)));
        values.put("2^4096 - 1", SrpGroup.pad(BigInteger.ONE.shiftLeft(4096).subtract(BigInteger.ONE)));
        return values;
    }

    private static byte[] b64(String field) {
        return Base64.getDecoder().decode(VECTOR.get(field).stringValue());
    }
}
