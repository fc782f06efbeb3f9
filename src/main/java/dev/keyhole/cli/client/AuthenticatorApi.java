package dev.keyhole.cli.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The authenticator endpoints of the Ente sync API, for one signed-in account. */
public final class AuthenticatorApi {

    static final int DIFF_LIMIT = 500;

    /** The authenticator key, secretbox-wrapped under the master key; {@code header} is the nonce. */
    public record WrappedKey(String encryptedKey, String header) {}

    /** One stored code: ciphertext and secretstream header, or a tombstone. Times in microseconds. */
    public record Entity(
            String id,
            @Nullable String encryptedData,
            @Nullable String header,
            boolean isDeleted,
            long updatedAt) {}

    private final HttpJson http;
    private final String token;

    public AuthenticatorApi(Server server, String token) {
        this.http = server.http();
        this.token = token;
    }

    /** Empty when the account has none yet (a new account, or one only a CLI has used). */
    public Optional<WrappedKey> key() {
        try {
            return Optional.of(http.read(http.send("GET", "/authenticator/key", null, token), WrappedKey.class));
        } catch (ServerException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void createKey(WrappedKey key) {
        http.send("POST", "/authenticator/key", key, token);
    }

    /** Stores one encrypted code; returns its id. */
    public String createEntity(String encryptedData, String header) {
        return http.send(
                        "POST",
                        "/authenticator/entity",
                        Map.of("encryptedData", encryptedData, "header", header),
                        token)
                .path("id")
                .asString("");
    }

    /** Every entity, tombstones included, paged as Ente's clients page the diff; the latest state per id. */
    public List<Entity> allEntities() {
        Map<String, Entity> all = new LinkedHashMap<>();
        long sinceTime = 0;
        while (true) {
            JsonNode page = http.send(
                    "GET", "/authenticator/entity/diff?sinceTime=" + sinceTime + "&limit=" + DIFF_LIMIT, null, token);
            List<Entity> diff = new ArrayList<>();
            for (JsonNode entity : page.path("diff").values()) {
                diff.add(http.read(entity, Entity.class));
            }
            for (Entity entity : diff) {
                all.put(entity.id(), entity);
                sinceTime = Math.max(sinceTime, entity.updatedAt());
            }
            if (diff.size() < DIFF_LIMIT) {
                return List.copyOf(all.values());
            }
        }
    }
}
