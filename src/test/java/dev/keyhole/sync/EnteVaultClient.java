package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;

import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.Streamed;
import dev.keyhole.sync.EnteTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authenticator side of an Ente client (spec section 3): the authenticator key wrapped under the
 * master key, entities as single-chunk secretstreams of a JSON string, and a local copy kept up to date
 * by paging through the diff the way Ente's mobile app does (500 at a time while pages come back full).
 */
public final class EnteVaultClient {

    private final EnteTestClient client;
    private byte[] authKey = new byte[0];
    private final Map<UUID, String> codes = new TreeMap<>();
    private long lastSyncTime;

    public EnteVaultClient(EnteTestClient client) {
        this.client = client;
    }

    /** Like the mobile app: fetch the key, or create one on first use. */
    public EnteVaultClient openOrCreateKey() {
        Response key = client.get("/authenticator/key");
        if (key.status() == 404) {
            authKey = Sodium.randomBytes(32);
            Boxed wrapped = Sodium.secretbox(authKey, client.masterKey());
            expect(
                    client.post(
                            "/authenticator/key",
                            JSON.createObjectNode()
                                    .put("encryptedKey", b64(wrapped.ciphertext()))
                                    .put("header", b64(wrapped.nonce()))),
                    200);
            return this;
        }
        JsonNode body = expect(key, 200).body();
        authKey = Sodium.secretboxOpen(
                unb64(body.path("encryptedKey").asString()),
                unb64(body.path("header").asString()),
                client.masterKey());
        return this;
    }

    public UUID create(String otpauthUri) {
        JsonNode entity = expect(client.post("/authenticator/entity", encrypt(otpauthUri)), 200)
                .body();
        return UUID.fromString(entity.path("id").asString());
    }

    public Response update(UUID id, String otpauthUri) {
        return client.put("/authenticator/entity", encrypt(otpauthUri).put("id", id.toString()));
    }

    public Response delete(UUID id) {
        return client.delete("/authenticator/entity?id=" + id);
    }

    /** Pages through the diff from the last sync, applying changes and tombstones; returns the codes. */
    public Map<UUID, String> sync(int limit) {
        while (true) {
            JsonNode page = expect(
                            client.get("/authenticator/entity/diff?sinceTime=" + lastSyncTime + "&limit=" + limit), 200)
                    .body();
            for (JsonNode entity : page.path("diff")) {
                UUID id = UUID.fromString(entity.path("id").asString());
                if (entity.path("isDeleted").asBoolean()) {
                    codes.remove(id);
                } else {
                    codes.put(id, decrypt(entity));
                }
                lastSyncTime = Math.max(lastSyncTime, entity.path("updatedAt").asLong());
            }
            if (page.path("diff").size() < limit) {
                return Map.copyOf(codes);
            }
        }
    }

    public EnteTestClient client() {
        return client;
    }

    ObjectNode encrypt(String otpauthUri) {
        byte[] plaintext = JSON.writeValueAsString(otpauthUri).getBytes(StandardCharsets.UTF_8);
        Streamed sealed = Sodium.secretstreamEncrypt(plaintext, authKey);
        return JSON.createObjectNode()
                .put("encryptedData", b64(sealed.ciphertext()))
                .put("header", b64(sealed.header()));
    }

    private String decrypt(JsonNode entity) {
        byte[] plaintext = Sodium.secretstreamDecrypt(
                unb64(entity.path("encryptedData").asString()),
                unb64(entity.path("header").asString()),
                authKey);
        return JSON.readValue(new String(plaintext, StandardCharsets.UTF_8), String.class);
    }
}
