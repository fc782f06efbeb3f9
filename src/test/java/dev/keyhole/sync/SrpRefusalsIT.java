package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.sync.EnteTestClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SRP sign-in refusals, with Ente's limits; none of them issues a token. */
class SrpRefusalsIT extends H2SyncCase {

    /** One SRP exchange started with a given login key (the right one, or a wrong password's). */
    private record Exchange(String sessionId, String srpUserId, String m1) {
        Response verify(EnteTestClient device) {
            return device.post(
                    "/users/srp/verify-session",
                    JSON.createObjectNode()
                            .put("sessionID", sessionId)
                            .put("srpUserID", srpUserId)
                            .put("srpM1", m1));
        }
    }

    private Exchange start(EnteTestClient device, String email, byte[] loginKey) {
        JsonNode attributes = expect(device.get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes");
        String srpUserId = attributes.path("srpUserID").asString();
        SrpClient srp = new SrpClient(unb64(attributes.path("srpSalt").asString()), srpUserId, loginKey);
        JsonNode session = expect(
                        device.post(
                                "/users/srp/create-session",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId)
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        assertThat(unb64(session.path("srpB").asString())).hasSize(512);
        return new Exchange(
                session.path("sessionID").asString(),
                srpUserId,
                b64(srp.computeM1(unb64(session.path("srpB").asString()))));
    }

    private long tokens() {
        return count("SELECT COUNT(*) FROM tokens");
    }

    @Test
    void verifySessionWhenPasswordIsWrongThenUnauthorizedAndNoToken() {
        String email = newEmail("erin");
        signedUp(email);
        long before = tokens();

        Response refused =
                expect(start(newClient(), email, Sodium.randomBytes(16)).verify(newClient()), 401);

        assertThat(refused.code()).isEqualTo("INVALID_PASSWORD");
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void verifySessionWhenReplayedThenGone() {
        String email = newEmail("frank");
        signedUp(email);
        Exchange exchange = start(newClient(), email, keys().loginKey());
        expect(exchange.verify(newClient()), 200);
        long after = tokens();

        assertThat(expect(exchange.verify(newClient()), 410).code()).isEqualTo("SESSION_ALREADY_VERIFIED");
        assertThat(tokens()).isEqualTo(after);
    }

    @Test
    void verifySessionAfterFiveWrongProofsThenGoneEvenWithTheRightOne() {
        String email = newEmail("grace");
        signedUp(email);
        Exchange right = start(newClient(), email, keys().loginKey());
        Exchange wrong = new Exchange(right.sessionId(), right.srpUserId(), b64(Sodium.randomBytes(32)));
        for (int i = 0; i < 5; i++) {
            assertThat(expect(wrong.verify(newClient()), 401).code()).isEqualTo("INVALID_PASSWORD");
        }

        assertThat(expect(right.verify(newClient()), 410).code()).isEqualTo("TOO_MANY_WRONG_ATTEMPTS");
    }

    @Test
    void createSessionWhenTenAreUnverifiedWithinAnHourThenTooManyRequestsUntilTheHourPasses() {
        String email = newEmail("heidi");
        signedUp(email);
        for (int i = 0; i < 10; i++) {
            start(newClient(), email, keys().loginKey());
        }
        JsonNode attributes =
                newClient().get("/users/srp/attributes?email=" + email).body().path("attributes");
        JsonNode eleventh = JSON.createObjectNode()
                .put("srpUserID", attributes.path("srpUserID").asString())
                .put("srpA", b64(new SrpClient(new byte[16], "x", new byte[16]).publicA()));

        assertThat(expect(newClient().post("/users/srp/create-session", eleventh), 429)
                        .code())
                .isEqualTo("TOO_MANY_UNVERIFIED_SESSIONS");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        expect(start(newClient(), email, keys().loginKey()).verify(newClient()), 200);
    }

    @Test
    void createSessionWhenAIsNot512BytesOrNotBase64ThenBadRequestAndNoSession() {
        String email = newEmail("ivan");
        signedUp(email);
        String srpUserId = newClient()
                .get("/users/srp/attributes?email=" + email)
                .body()
                .path("attributes")
                .path("srpUserID")
                .asString();
        long before = count("SELECT COUNT(*) FROM srp_sessions");

        for (String badA : new String[] {b64(new byte[511]), b64(new byte[513]), "not base64!"}) {
            Response refused = expect(
                    newClient()
                            .post(
                                    "/users/srp/create-session",
                                    JSON.createObjectNode()
                                            .put("srpUserID", srpUserId)
                                            .put("srpA", badA)),
                    400);
            assertThat(refused.code()).isEqualTo("INVALID_FIELD");
        }
        assertThat(expect(
                                newClient()
                                        .post(
                                                "/users/srp/create-session",
                                                JSON.createObjectNode().put("srpUserID", srpUserId)),
                                400)
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(count("SELECT COUNT(*) FROM srp_sessions")).isEqualTo(before);
    }

    @Test
    void verifySessionWhenM1IsNot32BytesThenBadRequestAndTheTryIsNotCounted() {
        String email = newEmail("judy");
        signedUp(email);
        Exchange right = start(newClient(), email, keys().loginKey());
        for (int i = 0; i < 6; i++) {
            Exchange shortProof = new Exchange(right.sessionId(), right.srpUserId(), b64(new byte[31]));
            assertThat(expect(shortProof.verify(newClient()), 400).code()).isEqualTo("INVALID_FIELD");
        }

        expect(right.verify(newClient()), 200);
    }

    @Test
    void verifySessionWhenOlderThanTenMinutesThenGone() {
        String email = newEmail("mallory");
        signedUp(email);
        Exchange exchange = start(newClient(), email, keys().loginKey());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(expect(exchange.verify(newClient()), 410).code()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void verifySessionUnderAnotherSrpUserIdThenUnknownSession() {
        String email = newEmail("niaj");
        signedUp(email);
        Exchange exchange = start(newClient(), email, keys().loginKey());
        Exchange moved = new Exchange(exchange.sessionId(), UUID.randomUUID().toString(), exchange.m1());

        assertThat(expect(moved.verify(newClient()), 401).code()).isEqualTo("UNKNOWN_SESSION");
        expect(exchange.verify(newClient()), 200);
    }

    @Test
    void unknownEmailGetsStablePlausibleAttributesAndFailsLikeAWrongPassword() {
        String email = unknownEmailWithoutEmailVerification();
        JsonNode first = expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                .body();
        JsonNode again = expect(newClient().get("/users/srp/attributes?email=" + email.toUpperCase()), 200)
                .body();
        assertThat(again).isEqualTo(first);
        JsonNode attributes = first.path("attributes");
        assertThat(unb64(attributes.path("srpSalt").asString())).hasSize(16);
        assertThat(unb64(attributes.path("kekSalt").asString())).hasSize(16);
        assertThat(attributes.path("memLimit").asLong()
                        * attributes.path("opsLimit").asLong())
                .isEqualTo(1L << 32);
        assertThat(attributes.path("isEmailMFAEnabled").asBoolean()).isFalse();

        Response refused = expect(start(newClient(), email, keys().loginKey()).verify(newClient()), 401);

        assertThat(refused.code()).isEqualTo("INVALID_PASSWORD");
    }

    @Test
    void attributesWithoutAnEmailThenBadRequest() {
        assertThat(expect(newClient().get("/users/srp/attributes"), 400).code()).isEqualTo("MISSING_FIELD");
    }

    /**
     * An email no account has, whose decoy asks for the password: one decoy in five claims email
     * verification instead, as Ente's do (EmailMfaContract covers those).
     */
    private String unknownEmailWithoutEmailVerification() {
        while (true) {
            String email = newEmail("nobody");
            JsonNode attributes = expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                    .body()
                    .path("attributes");
            if (!attributes.path("isEmailMFAEnabled").asBoolean()) {
                return email;
            }
        }
    }
}
