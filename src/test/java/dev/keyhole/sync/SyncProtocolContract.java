package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole Ente protocol against a running server, as two devices of one account see it. */
abstract class SyncProtocolContract extends SyncTestSupport {

    @Test
    void signUpThenLogInOnAnotherDeviceThenBothConverge() {
        String email = newEmail("alice");
        EnteTestClient phone = signedUp(email);
        EnteVaultClient phoneVault = new EnteVaultClient(phone).openOrCreateKey();
        UUID github = phoneVault.create("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        UUID bank = phoneVault.create("otpauth://totp/Bank:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Bank");

        EnteTestClient laptop = loggedIn(email);
        EnteVaultClient laptopVault = new EnteVaultClient(laptop).openOrCreateKey();
        assertThat(laptopVault.sync(500)).containsOnlyKeys(github, bank);

        expect(laptopVault.update(github, "otpauth://totp/GitHub:alice2?secret=JBSWY3DPEHPK3PXP&issuer=GitHub"), 200);
        expect(phoneVault.delete(bank), 200);
        UUID steam = phoneVault.create("otpauth://steam/Steam:alice?secret=JBSWY3DPEHPK3PXP");

        Map<UUID, String> onPhone = phoneVault.sync(500);
        Map<UUID, String> onLaptop = laptopVault.sync(500);
        assertThat(onPhone).isEqualTo(onLaptop).containsOnlyKeys(github, steam);
        assertThat(onPhone.get(github)).contains("alice2");
    }

    @Test
    void diffPagedWithSmallLimitsNeverSkipsEntitiesWrittenInTheSameMicrosecond() {
        // The clock does not move during this test: every write happens "at the same instant".
        EnteVaultClient vault = new EnteVaultClient(signedUp(newEmail("burst"))).openOrCreateKey();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(vault.create("otpauth://totp/Burst:" + i + "?secret=JBSWY3DPEHPK3PXP"));
        }
        vault.delete(created.get(3));
        created.remove(3);

        for (int limit : new int[] {1, 2, 7, 22, 23, 24, 5000}) {
            EnteVaultClient fresh = new EnteVaultClient(vault.client()).openOrCreateKey();
            assertThat(fresh.sync(limit)).as("limit %d", limit).containsOnlyKeys(created);
        }
        JsonNode all = expect(vault.client().get("/authenticator/entity/diff?sinceTime=0&limit=5000"), 200)
                .body();
        long previous = 0;
        for (JsonNode entity : all.path("diff")) {
            assertThat(entity.path("updatedAt").asLong()).isGreaterThan(previous);
            previous = entity.path("updatedAt").asLong();
        }
        assertThat(all.path("diff")).hasSize(23);
    }

    @Test
    void tombstonesComeBackWithNullDataAndReachAClientThatSawTheEntity() {
        EnteTestClient phone = signedUp(newEmail("carol"));
        EnteVaultClient vault = new EnteVaultClient(phone).openOrCreateKey();
        UUID id = vault.create("otpauth://totp/Old:carol?secret=JBSWY3DPEHPK3PXP");
        EnteVaultClient other = new EnteVaultClient(phone).openOrCreateKey();
        assertThat(other.sync(500)).containsOnlyKeys(id);

        expect(vault.delete(id), 200);
        expect(vault.delete(id), 200);

        assertThat(other.sync(500)).isEmpty();
        JsonNode tombstone = phone.get("/authenticator/entity/diff?sinceTime=0&limit=10")
                .body()
                .path("diff")
                .get(0);
        assertThat(tombstone.path("isDeleted").asBoolean()).isTrue();
        assertThat(tombstone.has("encryptedData")).isTrue();
        assertThat(tombstone.path("encryptedData").isNull()).isTrue();
        assertThat(tombstone.path("header").isNull()).isTrue();
    }

    @Test
    void identicalResendOfAnUpdateChangesNothing() {
        EnteTestClient phone = signedUp(newEmail("dave"));
        EnteVaultClient vault = new EnteVaultClient(phone).openOrCreateKey();
        UUID id = vault.create("otpauth://totp/A:dave?secret=JBSWY3DPEHPK3PXP");
        ObjectNode update =
                vault.encrypt("otpauth://totp/B:dave?secret=JBSWY3DPEHPK3PXP").put("id", id.toString());
        expect(phone.put("/authenticator/entity", update), 200);
        long updatedAt = phone.get("/authenticator/entity/diff?sinceTime=0&limit=10")
                .body()
                .path("diff")
                .get(0)
                .path("updatedAt")
                .asLong();
        clock.advance(Duration.ofSeconds(1));

        expect(phone.put("/authenticator/entity", update), 200);

        assertThat(phone.get("/authenticator/entity/diff?sinceTime=" + updatedAt + "&limit=10")
                        .body()
                        .path("diff"))
                .isEmpty();
    }
}
