package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;

import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a device that syncs from scratch sees: the live codes, decrypted, and the tombstones that deletes
 * left in the diff. Two snapshots are equal when a phone could not tell the two servers apart.
 */
record VaultSnapshot(Map<UUID, String> live, Set<UUID> tombstones) {

    private static final int PAGE = 500;

    static VaultSnapshot of(EnteTestClient device) {
        // Checked first: openOrCreateKey would quietly make a new key if the stored one were lost.
        expect(device.get("/authenticator/key"), 200);
        Map<UUID, String> live = new EnteVaultClient(device).openOrCreateKey().sync(PAGE);
        Set<UUID> tombstones = new HashSet<>();
        long sinceTime = 0;
        while (true) {
            JsonNode page = expect(
                            device.get("/authenticator/entity/diff?sinceTime=" + sinceTime + "&limit=" + PAGE), 200)
                    .body()
                    .path("diff");
            for (JsonNode entity : page) {
                if (entity.path("isDeleted").asBoolean()) {
                    tombstones.add(UUID.fromString(entity.path("id").asString()));
                }
                sinceTime = Math.max(sinceTime, entity.path("updatedAt").asLong());
            }
            if (page.size() < PAGE) {
                return new VaultSnapshot(live, Set.copyOf(tombstones));
            }
        }
    }
}
