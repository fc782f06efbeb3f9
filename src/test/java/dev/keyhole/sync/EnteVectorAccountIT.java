package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.SrpClient;
import dev.keyhole.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shared Ente-format accounts, made by independent implementations (libsodium.js, fast-srp-hap):
 * the server stores them as they are and a client signs in to them and reads the codes back.
 */
class EnteVectorAccountIT extends H2SyncCase {

    @Test
    void anAccountMadeWithEntesWebParametersSignsUpLogsInAndReadsItsCodesBack() {
        JsonNode vector = Vectors.json("ente-account-real-kdf.json");
        JsonNode srp = vector.path("srp");
        byte[] loginKey =
                unb64(vector.path("secretsForTestsOnly").path("loginKeyB64").asString());
        String email = newEmail("vector");
        EnteTestClient phone = withTokenOnly(email);
        expect(
                phone.put(
                        "/users/attributes",
                        JSON.createObjectNode().set("keyAttributes", vector.path("keyAttributes"))),
                200);
        String srpUserId = srp.path("srpUserID").asString();
        SrpClient client = new SrpClient(unb64(srp.path("srpSalt").asString()), srpUserId, loginKey);
        JsonNode setup = expect(
                        phone.post(
                                "/users/srp/setup",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId)
                                        .put("srpSalt", srp.path("srpSalt").asString())
                                        .put(
                                                "srpVerifier",
                                                srp.path("srpVerifier").asString())
                                        .put("srpA", b64(client.publicA()))),
                        200)
                .body();
        JsonNode completed = expect(
                        phone.post(
                                "/users/srp/complete",
                                JSON.createObjectNode()
                                        .put("setupID", setup.path("setupID").asString())
                                        .put(
                                                "srpM1",
                                                b64(client.computeM1(
                                                        unb64(setup.path("srpB").asString()))))),
                        200)
                .body();
        assertThat(client.verifyM2(unb64(completed.path("srpM2").asString()))).isTrue();
        expect(phone.post("/authenticator/key", vector.path("authenticatorKey")), 200);
        for (JsonNode entity : vector.path("entities")) {
            if (!entity.path("isDeleted").asBoolean()) {
                expect(
                        phone.post(
                                "/authenticator/entity",
                                JSON.createObjectNode()
                                        .put(
                                                "encryptedData",
                                                entity.path("encryptedData").asString())
                                        .put("header", entity.path("header").asString())),
                        200);
            }
        }

        EnteTestClient laptop = newClient();
        expect(laptop.logIn(email, vector.path("password").asString()), 200);

        assertThat(b64(laptop.masterKey()))
                .isEqualTo(
                        vector.path("secretsForTestsOnly").path("masterKeyB64").asString());
        List<String> expected = new ArrayList<>();
        vector.path("expectedPlaintexts").forEach(plaintext -> expected.add(plaintext.asString()));
        assertThat(new EnteVaultClient(laptop).openOrCreateKey().sync(500).values())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theCheapTestAccountIsRefusedForItsWeakArgon2Parameters() {
        JsonNode vector = Vectors.json("ente-account-fast.json");
        EnteTestClient phone = withTokenOnly(newEmail("cheap"));

        EnteTestClient.Response refused = expect(
                phone.put(
                        "/users/attributes",
                        JSON.createObjectNode().set("keyAttributes", vector.path("keyAttributes"))),
                400);

        assertThat(refused.code()).isEqualTo("WEAK_KDF_PARAMETERS");
        assertThat(phone.get("/users/session-validity/v2")
                        .body()
                        .path("hasSetKeys")
                        .asBoolean())
                .isFalse();
    }
}
