package dev.keyhole.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.testing.Vectors;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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
    void theServerRefusesAnAThatIsZeroOrN() {
        byte[] zero = new byte[512];
        byte[] n = SrpGroup.pad(SrpGroup.N);
        assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, zero, b64("M1B64")))
                .isInstanceOf(SrpException.class);
        assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, n, b64("M1B64")))
                .isInstanceOf(SrpException.class);
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
        byte[] longM1 = Arrays.copyOf(b64("M1B64"), 33);
        assertThatThrownBy(() -> SrpServer.verify(VERIFIER, SECRET_B, b64("AB64"), longM1))
                .isInstanceOf(SrpException.class);
    }

    @Test
    void theClientRefusesABThatIsZeroModN() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY);
        assertThatThrownBy(() -> client.computeM1(new byte[512])).isInstanceOf(SrpException.class);
        assertThatThrownBy(() -> client.computeM1(SrpGroup.pad(SrpGroup.N))).isInstanceOf(SrpException.class);
    }

    @Test
    void verifyM2BeforeComputeM1IsAProgrammingError() {
        SrpClient client = new SrpClient(SALT, IDENTITY, LOGIN_KEY);
        assertThatThrownBy(() -> client.verifyM2(b64("M2B64"))).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] b64(String field) {
        return Base64.getDecoder().decode(VECTOR.get(field).stringValue());
    }
}
