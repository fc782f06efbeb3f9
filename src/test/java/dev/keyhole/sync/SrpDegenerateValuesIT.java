package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.crypto.SrpGroup;
import dev.keyhole.sync.EnteTestClient.Response;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Degenerate SRP values (RFC 5054 section 2.5.4, and SRP-6a's checks): a verifier or an A that would fix the
 * shared secret is refused with a 400 before anything is stored, and a degenerate verifier already in the
 * database lets nobody in with a proof computed without the password.
 */
class SrpDegenerateValuesIT extends H2SyncCase {

    private static final BigInteger N = SrpGroup.N;

    /** Values that are 512 bytes, so only the number is wrong: zero, the order-2 elements, and N or above. */
    private static Map<String, byte[]> degenerateNumbers() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("0", pad(BigInteger.ZERO));
        values.put("1", pad(BigInteger.ONE));
        values.put("N - 1", pad(N.subtract(BigInteger.ONE)));
        values.put("N", pad(N));
        values.put("N + 1", pad(N.add(BigInteger.ONE)));
        values.put("2^4096 - 1", pad(BigInteger.ONE.shiftLeft(4096).subtract(BigInteger.ONE)));
        return values;
    }

    private static Map<String, byte[]> degenerateVerifiers() {
        Map<String, byte[]> values = degenerateNumbers();
        values.put("one zero byte", new byte[1]);
        byte[] tooLong = new byte[513];
        System.arraycopy(SrpClient.computeVerifier(new byte[16], "x", new byte[16]), 0, tooLong, 1, 512);
        values.put("513 bytes", tooLong);
        return values;
    }

    @Test
    void setupWhenTheVerifierIsDegenerateThenBadRequestAndNothingStored() {
        String email = newEmail("victor");
        EnteTestClient owner = signedUp(email);
        String verifierBefore = storedVerifier(email);
        long setups = count("SELECT COUNT(*) FROM srp_setups");
        long sessions = count("SELECT COUNT(*) FROM srp_sessions");

        degenerateVerifiers().forEach((name, verifier) -> {
            Response refused = expect(owner.post("/users/srp/setup", setupRequest(verifier, validA())), 400);
            assertThat(refused.code()).as(name).isEqualTo("INVALID_FIELD");
            assertThat(refused.body().path("message").asString()).as(name).contains("srpVerifier");
        });

        assertThat(count("SELECT COUNT(*) FROM srp_setups")).isEqualTo(setups);
        assertThat(count("SELECT COUNT(*) FROM srp_sessions")).isEqualTo(sessions);
        assertThat(storedVerifier(email)).isEqualTo(verifierBefore);
    }

    @Test
    void setupWhenAIsDegenerateThenBadRequestAndNothingStored() {
        String email = newEmail("wendy");
        EnteTestClient owner = signedUp(email);
        String verifierBefore = storedVerifier(email);
        long setups = count("SELECT COUNT(*) FROM srp_setups");
        long sessions = count("SELECT COUNT(*) FROM srp_sessions");
        byte[] verifier =
                SrpClient.computeVerifier(new byte[16], UUID.randomUUID().toString(), new byte[16]);

        degenerateNumbers().forEach((name, publicA) -> {
            Response refused = expect(owner.post("/users/srp/setup", setupRequest(verifier, publicA)), 400);
            assertThat(refused.code()).as(name).isEqualTo("INVALID_FIELD");
            assertThat(refused.body().path("message").asString()).as(name).contains("srpA");
        });

        assertThat(count("SELECT COUNT(*) FROM srp_setups")).isEqualTo(setups);
        assertThat(count("SELECT COUNT(*) FROM srp_sessions")).isEqualTo(sessions);
        assertThat(storedVerifier(email)).isEqualTo(verifierBefore);
    }

    @Test
    void createSessionWhenAIsDegenerateThenBadRequestAndNoSession() {
        String email = newEmail("xena");
        signedUp(email);
        String srpUserId = srpUserId(email);
        long sessions = count("SELECT COUNT(*) FROM srp_sessions");

        degenerateNumbers().forEach((name, publicA) -> {
            Response refused = expect(
                    newClient()
                            .post(
                                    "/users/srp/create-session",
                                    JSON.createObjectNode()
                                            .put("srpUserID", srpUserId)
                                            .put("srpA", b64(publicA))),
                    400);
            assertThat(refused.code()).as(name).isEqualTo("INVALID_FIELD");
            assertThat(refused.body().path("message").asString()).as(name).contains("srpA");
        });

        assertThat(count("SELECT COUNT(*) FROM srp_sessions")).isEqualTo(sessions);
    }

    /** A verifier of 0 or 1 makes S computable from A and B alone; one stored before the fix must not open the account. */
    @Test
    void verifySessionWhenTheStoredVerifierIsZeroOrOneThenAProofWithoutThePasswordIsRefused() {
        String email = newEmail("yusuf");
        signedUp(email);
        long tokens = count("SELECT COUNT(*) FROM tokens");

        for (BigInteger verifier : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}) {
            jdbc.sql("UPDATE srp_auth SET verifier = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)")
                    .params(b64(pad(verifier)), email)
                    .update();

            Response refused = forgedSignIn(srpUserId(email), verifier);

            assertThat(refused.status()).as("v = " + verifier).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("INVALID_PASSWORD");
        }
        assertThat(count("SELECT COUNT(*) FROM tokens")).isEqualTo(tokens);
    }

    @Test
    void completeWhenM1IsNot32BytesThenBadRequestNothingStoredAndTheRightProofStillWorks() {
        String email = newEmail("zara");
        EnteTestClient device = withTokenOnly(email);
        expect(
                device.put("/users/attributes", JSON.createObjectNode().set("keyAttributes", keys().keyAttributes())),
                200);
        UUID identity = UUID.randomUUID();
        byte[] salt = Sodium.randomBytes(16);
        SrpClient srp = new SrpClient(salt, identity.toString(), keys().loginKey());
        JsonNode started = expect(
                        device.post(
                                "/users/srp/setup",
                                JSON.createObjectNode()
                                        .put("srpUserID", identity.toString())
                                        .put("srpSalt", b64(salt))
                                        .put(
                                                "srpVerifier",
                                                b64(SrpClient.computeVerifier(
                                                        salt, identity.toString(), keys().loginKey())))
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        byte[] m1 = srp.computeM1(unb64(started.path("srpB").asString()));

        for (byte[] wrongLength : new byte[][] {Arrays.copyOf(m1, 31), Arrays.copyOf(m1, 33), Arrays.copyOf(m1, 64)}) {
            Response refused = expect(
                    device.post(
                            "/users/srp/complete",
                            JSON.createObjectNode()
                                    .put("setupID", started.path("setupID").asString())
                                    .put("srpM1", b64(wrongLength))),
                    400);
            assertThat(refused.code()).isEqualTo("INVALID_FIELD");
        }
        assertThat(count("SELECT COUNT(*) FROM srp_auth WHERE srp_user_id = ?", identity))
                .isZero();

        expect(
                device.post(
                        "/users/srp/complete",
                        JSON.createObjectNode()
                                .put("setupID", started.path("setupID").asString())
                                .put("srpM1", b64(m1))),
                200);
        assertThat(count("SELECT COUNT(*) FROM srp_auth WHERE srp_user_id = ?", identity))
                .isOne();
    }

    /**
     * A sign-in by someone who knows only the email: a chosen a, and S worked out from the verifier the
     * server holds (v = 0 gives S = 0; v = 1 gives S = A^b = (B - k)^a).
     */
    private Response forgedSignIn(String srpUserId, BigInteger verifier) {
        BigInteger secretA = new BigInteger(1, Sodium.randomBytes(32));
        byte[] publicA = pad(SrpGroup.G.modPow(secretA, N));
        JsonNode session = expect(
                        newClient()
                                .post(
                                        "/users/srp/create-session",
                                        JSON.createObjectNode()
                                                .put("srpUserID", srpUserId)
                                                .put("srpA", b64(publicA))),
                        200)
                .body();
        byte[] publicB = unb64(session.path("srpB").asString());
        BigInteger k = new BigInteger(1, sha256(pad(N), pad(SrpGroup.G)));
        BigInteger sharedSecret = verifier.signum() == 0
                ? BigInteger.ZERO
                : new BigInteger(1, publicB).subtract(k).mod(N).modPow(secretA, N);
        byte[] m1 = sha256(publicA, publicB, pad(sharedSecret));
        return newClient()
                .post(
                        "/users/srp/verify-session",
                        JSON.createObjectNode()
                                .put("sessionID", session.path("sessionID").asString())
                                .put("srpUserID", srpUserId)
                                .put("srpM1", b64(m1)));
    }

    private JsonNode setupRequest(byte[] verifier, byte[] publicA) {
        return JSON.createObjectNode()
                .put("srpUserID", UUID.randomUUID().toString())
                .put("srpSalt", b64(Sodium.randomBytes(16)))
                .put("srpVerifier", b64(verifier))
                .put("srpA", b64(publicA));
    }

    private static byte[] validA() {
        return new SrpClient(new byte[16], "x", new byte[16]).publicA();
    }

    private String storedVerifier(String email) {
        return jdbc.sql("SELECT s.verifier FROM srp_auth s JOIN users u ON u.id = s.user_id WHERE u.email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private String srpUserId(String email) {
        return expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes")
                .path("srpUserID")
                .asString();
    }

    private static byte[] pad(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] padded = new byte[SrpGroup.N_BYTES];
        int length = Math.min(raw.length, SrpGroup.N_BYTES);
        System.arraycopy(raw, raw.length - length, padded, SrpGroup.N_BYTES - length, length);
        return padded;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
