package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.keys.RecoveryWords;
import dev.keyhole.sync.EnteSettingsClient.AccountKeys;
import dev.keyhole.sync.EnteTestClient.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account settings of Ente's Auth apps, as those apps call them: account details, change password,
 * recovery key and account recovery. Each refusal leaves the account as it was. Subclasses pick the database.
 */
abstract class AccountSettingsContract extends SyncTestSupport {

    static final String NEW_PASSWORD = "a new and longer passphrase";
    private static AccountKeys account;

    static synchronized AccountKeys account() {
        if (account == null) {
            account = EnteSettingsClient.newAccount(PASSWORD, true);
        }
        return account;
    }

    EnteTestClient signedUpWithRecovery(String email) {
        EnteTestClient client = newClient();
        client.signUp(email, CODE, account().keys());
        return client;
    }

    EnteTestClient loggedInWith(String email, String password) {
        EnteTestClient client = newClient();
        expect(client.logIn(email, password), 200);
        return client;
    }

    @Test
    void detailsWhenSignedInThenTheEmailAndAFreeAccountAsEnteAnswersIt() {
        String email = newEmail("details");
        EnteTestClient phone = signedUpWithRecovery(email);

        JsonNode details =
                expect(phone.get("/users/details/v2?memoryCount=false"), 200).body();

        assertThat(Set.copyOf(details.propertyNames()))
                .containsExactlyInAnyOrder(
                        "email", "usage", "subscription", "storageBonus", "profileData", "bonusData");
        assertThat(details.path("email").asString()).isEqualTo(email);
        assertThat(details.path("usage").asLong()).isZero();
        JsonNode plan = details.path("subscription");
        assertThat(plan.path("productID").asString()).isEqualTo("free");
        assertThat(plan.path("originalTransactionID").asString()).isEqualTo("none");
        assertThat(plan.path("paymentProvider").asString()).isEmpty();
        assertThat(plan.path("price").isString() && plan.path("period").isString())
                .isTrue();
        assertThat(plan.path("storage").isIntegralNumber()).isTrue();
        assertThat(plan.path("expiryTime").asLong()).isGreaterThan(clock.millis() * 1000 + 99L * 365 * 86_400_000_000L);
        JsonNode profile = details.path("profileData");
        assertThat(profile.path("canDisableEmailMFA").asBoolean()).isTrue();
        assertThat(profile.path("isEmailMFAEnabled").asBoolean()).isFalse();
        assertThat(profile.path("isTwoFactorEnabled").asBoolean()).isFalse();
        assertThat(profile.path("passkeyCount").asLong()).isZero();
        assertThat(details.path("bonusData").path("storageBonuses").isArray()).isTrue();
    }

    @Test
    void detailsWhenEmailVerificationAndTotpAreOnThenTheProfileSaysSo() {
        EnteTestClient phone = signedUpWithRecovery(newEmail("switches"));
        EnteTwoFactorClient.turnOn(phone, clock);
        expect(EnteTwoFactorClient.emailMfa(phone, true), 200);

        JsonNode profile = expect(phone.get("/users/details/v2"), 200).body().path("profileData");

        assertThat(profile.path("isEmailMFAEnabled").asBoolean()).isTrue();
        assertThat(profile.path("isTwoFactorEnabled").asBoolean()).isTrue();
    }

    @Test
    void detailsWhenMemoryCountIsLeftOutThenFileCountsAsEnteDefaults() {
        EnteTestClient phone = signedUpWithRecovery(newEmail("counts"));

        JsonNode details = expect(phone.get("/users/details/v2"), 200).body();

        assertThat(details.path("fileCount").isIntegralNumber()).isTrue();
        assertThat(details.path("fileCount").asLong()).isZero();
    }

    @Test
    void detailsWhenNoTokenThenUnauthorizedJson() {
        assertThat(expect(newClient().get("/users/details/v2"), 401).code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void changePasswordAsEnteWebDoesThenOldRefusedNewAcceptedOthersSignedOutCodesKept() {
        String email = newEmail("changer");
        EnteTestClient phone = signedUpWithRecovery(email);
        EnteTestClient laptop = loggedInWith(email, PASSWORD);
        UUID code = new EnteVaultClient(phone).openOrCreateKey().create("otpauth://totp/A:changer?secret=JBSWY3DP");

        expect(
                EnteSettingsClient.changePassword(
                        phone, NEW_PASSWORD, EnteSettingsClient.MEM_LIMIT, EnteSettingsClient.OPS_LIMIT, null),
                200);

        expect(laptop.get("/users/sessions"), 401);
        expect(phone.get("/users/sessions"), 200);
        assertThat(newClient().logIn(email, PASSWORD).status()).isEqualTo(401);
        EnteTestClient tablet = loggedInWith(email, NEW_PASSWORD);
        assertThat(new EnteVaultClient(tablet).openOrCreateKey().sync(500)).containsOnlyKeys(code);
    }

    @Test
    void changePasswordWhenOtherDevicesMayStayThenTheyStay() {
        String email = newEmail("keeper");
        EnteTestClient phone = signedUpWithRecovery(email);
        EnteTestClient laptop = loggedInWith(email, PASSWORD);

        expect(
                EnteSettingsClient.changePassword(
                        phone, NEW_PASSWORD, EnteSettingsClient.MEM_LIMIT, EnteSettingsClient.OPS_LIMIT, false),
                200);

        expect(laptop.get("/users/sessions"), 200);
        loggedInWith(email, NEW_PASSWORD);
    }

    @Test
    void changePasswordWhenNewKdfIsBelowTheFloorThenRefusedAndNothingChanged() {
        String email = newEmail("weak");
        EnteTestClient phone = signedUpWithRecovery(email);
        EnteTestClient laptop = loggedInWith(email, PASSWORD);
        Map<String, Object> before = keyRows(email);

        for (long[] limits : new long[][] {{64L << 20, 64}, {128L << 20, 31}, {256L << 20, 15}}) {
            Response refused =
                    expect(EnteSettingsClient.changePassword(phone, NEW_PASSWORD, limits[0], limits[1], true), 400);
            assertThat(refused.code()).isEqualTo("WEAK_KDF_PARAMETERS");
        }

        assertThat(keyRows(email)).isEqualTo(before);
        expect(laptop.get("/users/sessions"), 200);
        loggedInWith(email, PASSWORD);
    }

    @Test
    void changePasswordWhenTheUpdateIsReplayedThenRefusedAndThePasswordStays() {
        String email = newEmail("replay");
        EnteTestClient phone = signedUpWithRecovery(email);
        Response first = expect(
                EnteSettingsClient.changePassword(
                        phone, NEW_PASSWORD, EnteSettingsClient.MEM_LIMIT, EnteSettingsClient.OPS_LIMIT, null),
                200);
        Map<String, Object> after = keyRows(email);

        Response again = phone.post(
                "/users/srp/update",
                JSON.createObjectNode()
                        .put("setupID", first.body().path("setupID").asString())
                        .put("srpM1", EnteKeys.b64(new byte[32]))
                        .set("updatedKeyAttr", account().keys().keyAttributes()));

        assertThat(again.status()).isBetween(400, 499);
        assertThat(keyRows(email)).isEqualTo(after);
        assertThat(newClient().logIn(email, PASSWORD).status()).isEqualTo(401);
        loggedInWith(email, NEW_PASSWORD);
    }

    @Test
    void recoveryKeyWhenTheAccountHasNoneThenStoredAsSentOnceAndNeverReplaced() {
        AccountKeys old = EnteSettingsClient.newAccount(PASSWORD, false);
        EnteTestClient phone = newClient();
        phone.signUp(newEmail("old-app"), CODE, old.keys());
        JsonNode recovery = EnteSettingsClient.recoveryAttributes(phone.masterKey(), old.recoveryKey());

        expect(phone.put("/users/recovery-key", recovery), 200);

        JsonNode stored =
                expect(phone.get("/users/session-validity/v2"), 200).body().path("keyAttributes");
        for (String field : List.copyOf(recovery.propertyNames())) {
            assertThat(stored.path(field).asString())
                    .as(field)
                    .isEqualTo(recovery.path(field).asString());
        }
        JsonNode other = EnteSettingsClient.recoveryAttributes(phone.masterKey(), new byte[32]);
        assertThat(expect(phone.put("/users/recovery-key", other), 409).code()).isEqualTo("RECOVERY_KEY_ALREADY_SET");
        assertThat(expect(phone.get("/users/session-validity/v2"), 200).body().path("keyAttributes"))
                .isEqualTo(stored);
    }

    @Test
    void recoveryKeyWhenMalformedOrWithoutKeysThenRefusedAndNothingStored() {
        AccountKeys old = EnteSettingsClient.newAccount(PASSWORD, false);
        EnteTestClient phone = newClient();
        phone.signUp(newEmail("malformed"), CODE, old.keys());
        ObjectNode good = EnteSettingsClient.recoveryAttributes(phone.masterKey(), old.recoveryKey());

        for (String field : List.copyOf(good.propertyNames())) {
            ObjectNode missing = good.deepCopy();
            missing.remove(field);
            expect(phone.put("/users/recovery-key", missing), 400);
            expect(phone.put("/users/recovery-key", good.deepCopy().put(field, "bm90IGEga2V5")), 400);
        }
        EnteTestClient keyless = withTokenOnly(newEmail("keyless"));
        assertThat(expect(keyless.put("/users/recovery-key", good), 400).code()).isEqualTo("KEY_ATTRIBUTES_NOT_SET");

        assertThat(expect(phone.get("/users/session-validity/v2"), 200)
                        .body()
                        .path("keyAttributes")
                        .path("recoveryKeyEncryptedWithMasterKey")
                        .asString())
                .isEmpty();
    }

    @Test
    void recoverWhenTheEmailedCodeAndThe24WordsAreGivenThenANewPasswordWorksAndCodesRemain() {
        String email = newEmail("forgetful");
        EnteTestClient phone = signedUpWithRecovery(email);
        UUID code = new EnteVaultClient(phone).openOrCreateKey().create("otpauth://totp/R:forgetful?secret=JBSWY3DP");
        String words = RecoveryWords.encode(account().recoveryKey());

        EnteTestClient browser = newClient();
        expect(
                browser.post(
                        "/users/ott",
                        JSON.createObjectNode().put("email", email).put("purpose", "login")),
                200);
        JsonNode verified = expect(
                        browser.post(
                                "/users/verify-email",
                                JSON.createObjectNode().put("email", email).put("ott", CODE)),
                        200)
                .body();
        assertThat(verified.has("token")).isFalse();
        assertThat(verified.path("keyAttributes")
                        .path("masterKeyEncryptedWithRecoveryKey")
                        .asString())
                .isNotEmpty();
        EnteSettingsClient.openWithRecoveryKey(verified, RecoveryWords.decode(words), browser);
        expect(
                EnteSettingsClient.changePassword(
                        browser, NEW_PASSWORD, EnteSettingsClient.MEM_LIMIT, EnteSettingsClient.OPS_LIMIT, null),
                200);

        expect(phone.get("/users/sessions"), 401);
        assertThat(newClient().logIn(email, PASSWORD).status()).isEqualTo(401);
        EnteTestClient laptop = loggedInWith(email, NEW_PASSWORD);
        assertThat(new EnteVaultClient(laptop).openOrCreateKey().sync(500)).containsOnlyKeys(code);
        // The recovery key still opens the account after the change: it wraps the master key, not the KEK.
        assertThat(expect(laptop.get("/users/session-validity/v2"), 200)
                        .body()
                        .path("keyAttributes")
                        .path("masterKeyEncryptedWithRecoveryKey")
                        .asString())
                .isEqualTo(verified.path("keyAttributes")
                        .path("masterKeyEncryptedWithRecoveryKey")
                        .asString());
    }

    /** What a password change or refused request could touch: the key attributes and the SRP row. */
    Map<String, Object> keyRows(String email) {
        return jdbc.sql("""
                SELECT k.kek_salt, k.encrypted_key, k.key_decryption_nonce, k.mem_limit, k.ops_limit, s.srp_user_id,
                    s.salt, s.verifier, k.master_key_encrypted_with_recovery_key
                FROM users u JOIN key_attributes k ON k.user_id = u.id JOIN srp_auth s ON s.user_id = u.id
                WHERE u.email = ?""").param(email).query().singleRow();
    }
}
