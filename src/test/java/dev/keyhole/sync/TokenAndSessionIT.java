package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteTestClient.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tokens: how they authenticate, and logout, the sessions list, revocation and password change. */
@ExtendWith(OutputCaptureExtension.class)
class TokenAndSessionIT extends H2SyncCase {

    @Test
    void requestWithoutOrWithAnUnknownTokenThenUnauthorizedJson() {
        Response none = expect(newClient().get("/authenticator/key"), 401);
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");

        EnteTestClient stranger = newClient();
        stranger.useToken(Base64.getUrlEncoder().encodeToString(Sodium.randomBytes(32)));
        assertThat(expect(stranger.get("/users/sessions"), 401).code()).isEqualTo("UNAUTHORIZED");
        stranger.useToken("not a token");
        expect(stranger.get("/users/sessions"), 401);
    }

    @Test
    void tokenInTheQueryIsAcceptedLikeTheHeader() {
        EnteTestClient phone = signedUp(newEmail("query"));
        EnteTestClient bare = newClient();

        expect(bare.get("/users/sessions?token=" + phone.token()), 200);
    }

    @Test
    void apiResponsesAreNeverCached() {
        EnteTestClient phone = signedUp(newEmail("cache"));
        HttpResponse<String> response = rawGet(phone, "/users/sessions");

        assertThat(response.headers().allValues("Cache-Control").toString()).contains("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void logoutRevokesTheToken() {
        EnteTestClient phone = signedUp(newEmail("logout"));

        expect(phone.post("/users/logout", JSON.createObjectNode()), 200);

        assertThat(expect(phone.get("/users/sessions"), 401).code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void sessionsListShowsEveryDeviceAndRevokingOneSignsOnlyItOut() {
        String email = newEmail("devices");
        EnteTestClient phone = signedUp(email);
        EnteTestClient laptop = loggedIn(email);
        JsonNode sessions = expect(phone.get("/users/sessions"), 200).body().path("sessions");
        assertThat(sessions).hasSize(2);
        for (JsonNode session : sessions) {
            assertThat(session.path("creationTime").asLong()).isPositive();
            assertThat(session.has("ua") && session.has("prettyUA") && session.has("ip"))
                    .isTrue();
        }
        // The caller's own entry carries its own token (Ente's "This device"); others only their id.
        String laptopSession = sessionIdOf(laptop);
        assertThat(sessions.findValuesAsString("token")).containsExactlyInAnyOrder(phone.token(), laptopSession);

        expect(phone.delete("/users/session?token=" + laptopSession), 200);

        expect(laptop.get("/users/sessions"), 401);
        assertThat(expect(phone.get("/users/sessions"), 200).body().path("sessions"))
                .hasSize(1);
    }

    @Test
    void revokingAnUnknownOrAnotherAccountsSessionThenNotFoundAndNothingRevoked() {
        EnteTestClient alice = signedUp(newEmail("alice"));
        EnteTestClient bob = signedUp(newEmail("bob"));
        String bobSession = expect(bob.get("/users/sessions"), 200)
                .body()
                .path("sessions")
                .get(0)
                .path("token")
                .asString();

        Response foreign = expect(alice.delete("/users/session?token=" + bobSession), 200);
        Response missing = expect(alice.delete("/users/session?token=" + "0".repeat(64)), 200);

        assertThat(foreign.body()).isEqualTo(missing.body());
        expect(bob.get("/users/sessions"), 200);
    }

    @Test
    void passwordChangeKeepsTheVaultAndSignsOutOtherDevices() {
        String email = newEmail("changer");
        EnteTestClient phone = signedUp(email);
        EnteTestClient laptop = loggedIn(email);
        UUID code = new EnteVaultClient(phone).openOrCreateKey().create("otpauth://totp/A:changer?secret=JBSWY3DP");
        String newPassword = "a new and longer passphrase";
        byte[] kekSalt = Sodium.randomBytes(16);
        byte[] newKek = EnteKeys.deriveKek(newPassword, kekSalt, EnteKeys.MEM_LIMIT, EnteKeys.OPS_LIMIT);
        Boxed wrapped = Sodium.secretbox(phone.masterKey(), newKek);
        ObjectNode kek = JSON.createObjectNode()
                .put("kekSalt", b64(kekSalt))
                .put("encryptedKey", b64(wrapped.ciphertext()))
                .put("keyDecryptionNonce", b64(wrapped.nonce()))
                .put("memLimit", EnteKeys.MEM_LIMIT)
                .put("opsLimit", EnteKeys.OPS_LIMIT);
        EnteKeys newKeys = new EnteKeys(newPassword, newKek, phone.masterKey(), keys().keyPair(), kek);

        expect(
                phone.setUpSrp(
                        newKeys, "/users/srp/update", JSON.createObjectNode().set("updatedKeyAttr", kek)),
                200);

        expect(laptop.get("/users/sessions"), 401);
        expect(phone.get("/users/sessions"), 200);
        EnteTestClient tablet = newClient();
        assertThat(tablet.logIn(email, PASSWORD).status()).isEqualTo(401);
        expect(tablet.logIn(email, newPassword), 200);
        assertThat(new EnteVaultClient(tablet).openOrCreateKey().sync(500)).containsOnlyKeys(code);
    }

    @Test
    void noLogLineCarriesATokenOrAKey(CapturedOutput output) {
        String email = newEmail("quiet");
        EnteTestClient phone = signedUp(email);
        EnteTestClient laptop = loggedIn(email);
        new EnteVaultClient(laptop).openOrCreateKey().create("otpauth://totp/Q:quiet?secret=JBSWY3DP");

        for (String secret : new String[] {
            phone.token(),
            laptop.token(),
            b64(laptop.masterKey()),
            keys().keyAttributes().path("encryptedKey").asString(),
            sessionIdOf(laptop)
        }) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** The public id of a token's session: the hex SHA-256 of its raw bytes (what the list shows). */
    private static String sessionIdOf(EnteTestClient device) {
        return Sha256.hex(Base64.getUrlDecoder().decode(device.token()));
    }

    private HttpResponse<String> rawGet(EnteTestClient client, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("X-Auth-Token", client.token())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
