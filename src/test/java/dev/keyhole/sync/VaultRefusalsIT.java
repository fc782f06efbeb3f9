package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bad input to the authenticator endpoints: a clear 4xx, and the vault as it was. */
class VaultRefusalsIT extends H2SyncCase {

    private static String entities(EnteTestClient device) {
        return device.get("/authenticator/entity/diff?sinceTime=0&limit=5000")
                .body()
                .toString()
                .replaceAll("\"timestamp\":\\d+", "");
    }

    @Test
    void anotherAccountsEntityIsNotFoundExactlyLikeAMissingOneAndStaysUntouched() {
        EnteVaultClient bob = new EnteVaultClient(signedUp(newEmail("bob"))).openOrCreateKey();
        UUID bobs = bob.create("otpauth://totp/Bob:bob?secret=JBSWY3DPEHPK3PXP");
        String bobBefore = entities(bob.client());
        EnteVaultClient eve = new EnteVaultClient(signedUp(newEmail("eve"))).openOrCreateKey();

        Response foreignUpdate = expect(eve.update(bobs, "otpauth://totp/Eve:eve?secret=JBSWY3DP"), 404);
        Response missingUpdate = expect(eve.update(UUID.randomUUID(), "otpauth://totp/Eve:eve?secret=JBSWY3DP"), 404);
        Response foreignDelete = expect(eve.delete(bobs), 404);
        Response missingDelete = expect(eve.delete(UUID.randomUUID()), 404);

        assertThat(foreignUpdate.body())
                .isEqualTo(missingUpdate.body())
                .isEqualTo(foreignDelete.body())
                .isEqualTo(missingDelete.body());
        assertThat(foreignUpdate.code()).isEqualTo("NOT_FOUND");
        assertThat(entities(bob.client())).isEqualTo(bobBefore);
        assertThat(eve.sync(500)).isEmpty();
    }

    @Test
    void malformedMissingWrongLengthOrOversizedEntitiesThenBadRequestAndNothingStored() {
        EnteVaultClient vault = new EnteVaultClient(signedUp(newEmail("sloppy"))).openOrCreateKey();
        ObjectNode good = vault.encrypt("otpauth://totp/S:sloppy?secret=JBSWY3DP");
        String before = entities(vault.client());

        assertRefused(vault, good.deepCopy().put("encryptedData", "not base64!"), 400, "INVALID_FIELD");
        assertRefused(vault, good.deepCopy().put("header", b64(new byte[23])), 400, "INVALID_FIELD");
        assertRefused(vault, good.deepCopy().put("encryptedData", b64(new byte[16])), 400, "INVALID_FIELD");
        assertRefused(vault, good.deepCopy().without("header"), 400, "MISSING_FIELD");
        assertRefused(
                vault, good.deepCopy().put("encryptedData", b64(new byte[64 * 1024 + 1])), 413, "ENTITY_TOO_LARGE");
        expect(
                vault.client()
                        .post("/authenticator/entity", good.deepCopy().put("encryptedData", b64(new byte[64 * 1024]))),
                200);
        assertThat(vault.client()
                        .post("/authenticator/entity", JSON.createObjectNode().put("encryptedData", 5))
                        .status())
                .isEqualTo(400);

        assertThat(vault.client()
                        .get("/authenticator/entity/diff?sinceTime=0&limit=5000")
                        .body()
                        .path("diff"))
                .hasSize(1);
        assertThat(before).contains("\"diff\":[]");
    }

    private static void assertRefused(EnteVaultClient vault, JsonNode body, int status, String code) {
        assertThat(expect(vault.client().post("/authenticator/entity", body), status)
                        .code())
                .isEqualTo(code);
        assertThat(expect(
                                vault.client()
                                        .put(
                                                "/authenticator/entity",
                                                ((ObjectNode) body.deepCopy())
                                                        .put(
                                                                "id",
                                                                UUID.randomUUID()
                                                                        .toString())),
                                status)
                        .code())
                .isEqualTo(code);
    }

    @Test
    void updateOfADeletedEntityThenBadRequestAndTheTombstoneStays() {
        EnteVaultClient vault = new EnteVaultClient(signedUp(newEmail("late"))).openOrCreateKey();
        UUID id = vault.create("otpauth://totp/L:late?secret=JBSWY3DP");
        expect(vault.delete(id), 200);
        String before = entities(vault.client());

        assertThat(expect(vault.update(id, "otpauth://totp/L:again?secret=JBSWY3DP"), 400)
                        .code())
                .isEqualTo("ENTITY_DELETED");
        assertThat(entities(vault.client())).isEqualTo(before);
    }

    @Test
    void malformedOrMissingIdsAndDiffParametersThenBadRequest() {
        EnteVaultClient vault = new EnteVaultClient(signedUp(newEmail("params"))).openOrCreateKey();
        EnteTestClient device = vault.client();

        expect(device.delete("/authenticator/entity?id=42"), 400);
        expect(device.delete("/authenticator/entity"), 400);
        assertThat(expect(device.put("/authenticator/entity", vault.encrypt("otpauth://totp/X:x?secret=JBSWY3DP")), 400)
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(expect(device.get("/authenticator/entity/diff?sinceTime=0&limit=0"), 400)
                        .code())
                .isEqualTo("INVALID_LIMIT");
        expect(device.get("/authenticator/entity/diff?sinceTime=0&limit=5001"), 400);
        expect(device.get("/authenticator/entity/diff?limit=10"), 400);
        expect(device.get("/authenticator/entity/diff?sinceTime=yesterday&limit=10"), 400);
    }

    @Test
    void theKeyNeedsKeyAttributesIsCreatedOnceAndEntitiesNeedIt() {
        EnteTestClient fresh = withTokenOnly(newEmail("keyless"));
        ObjectNode key =
                JSON.createObjectNode().put("encryptedKey", b64(new byte[48])).put("header", b64(new byte[24]));
        assertThat(expect(fresh.get("/authenticator/key"), 404).code()).isEqualTo("NOT_FOUND");
        assertThat(expect(fresh.post("/authenticator/key", key), 400).code()).isEqualTo("KEY_ATTRIBUTES_NOT_SET");

        EnteTestClient device = signedUp(newEmail("keyed"));
        ObjectNode entity =
                JSON.createObjectNode().put("encryptedData", b64(new byte[40])).put("header", b64(new byte[24]));
        assertThat(expect(device.post("/authenticator/entity", entity), 400).code())
                .isEqualTo("AUTH_KEY_NOT_CREATED");
        assertThat(expect(device.get("/authenticator/entity/diff?sinceTime=0&limit=10"), 400)
                        .code())
                .isEqualTo("AUTH_KEY_NOT_CREATED");
        assertThat(expect(device.post("/authenticator/key", key.deepCopy().put("header", b64(new byte[12]))), 400)
                        .code())
                .isEqualTo("INVALID_FIELD");
        expect(device.post("/authenticator/key", key), 200);
        JsonNode stored = expect(device.get("/authenticator/key"), 200).body();

        assertThat(expect(device.post("/authenticator/key", key.deepCopy().put("encryptedKey", b64(new byte[48]))), 409)
                        .code())
                .isEqualTo("CONFLICT");
        assertThat(expect(device.get("/authenticator/key"), 200).body()).isEqualTo(stored);
        assertThat(stored.path("userID").isNumber()).isTrue();
    }

    @Test
    void keyAttributesWeakerThanEnteAcceptsOrIncompleteThenBadRequestAndTheyAreSetOnlyOnce() {
        EnteTestClient device = withTokenOnly(newEmail("weak"));
        ObjectNode good = keys().keyAttributes().deepCopy();

        assertAttributesRefused(
                device, good.deepCopy().put("memLimit", 64L * 1024 * 1024).put("opsLimit", 64), "WEAK_KDF_PARAMETERS");
        assertAttributesRefused(
                device, good.deepCopy().put("memLimit", 256L * 1024 * 1024).put("opsLimit", 15), "WEAK_KDF_PARAMETERS");
        assertAttributesRefused(device, good.deepCopy().without("publicKey"), "MISSING_FIELD");
        assertAttributesRefused(device, good.deepCopy().put("publicKey", b64(new byte[31])), "INVALID_FIELD");
        assertAttributesRefused(device, good.deepCopy().put("kekSalt", "%%%"), "INVALID_FIELD");
        assertAttributesRefused(device, good.deepCopy().without("recoveryKeyDecryptionNonce"), "INVALID_FIELD");
        expect(device.get("/users/session-validity/v2"), 200);
        assertThat(device.get("/users/session-validity/v2")
                        .body()
                        .path("hasSetKeys")
                        .asBoolean())
                .isFalse();

        expect(device.put("/users/attributes", JSON.createObjectNode().set("keyAttributes", good)), 200);
        ObjectNode other = good.deepCopy().put("publicKey", b64(new byte[32]));
        assertThat(expect(
                                device.put(
                                        "/users/attributes",
                                        JSON.createObjectNode().set("keyAttributes", other)),
                                403)
                        .code())
                .isEqualTo("KEY_ATTRIBUTES_ALREADY_SET");
        assertThat(device.get("/users/session-validity/v2")
                        .body()
                        .path("keyAttributes")
                        .path("publicKey")
                        .asString())
                .isEqualTo(good.path("publicKey").asString());
    }

    private static void assertAttributesRefused(EnteTestClient device, ObjectNode attributes, String code) {
        Response refused =
                expect(device.put("/users/attributes", JSON.createObjectNode().set("keyAttributes", attributes)), 400);
        assertThat(refused.code()).isEqualTo(code);
    }
}
