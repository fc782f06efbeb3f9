package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteSettingsClient.AccountKeys;
import dev.keyhole.sync.EnteTestClient.Response;
import dev.keyhole.viewer.HttpViewer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ente's account deletion: {@code GET /users/delete-challenge} seals a challenge to the account's public
 * key, the client opens it and sends it to {@code DELETE /users/delete}; then nothing of the account is
 * left and its email can sign up anew. A wrong, stale or replayed challenge changes nothing.
 */
abstract class AccountDeletionContract extends SyncTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AccountKeys account;

    static synchronized AccountKeys account() {
        if (account == null) {
            account = EnteSettingsClient.newAccount(PASSWORD, true);
        }
        return account;
    }

    EnteTestClient signedUpWithKeys(String email) {
        EnteTestClient client = newClient();
        client.signUp(email, CODE, account().keys());
        return client;
    }

    String openChallenge(EnteTestClient device) {
        JsonNode answer = expect(device.get("/users/delete-challenge"), 200).body();
        assertThat(answer.path("allowDelete").asBoolean()).isTrue();
        return EnteSettingsClient.openDeleteChallenge(
                answer.path("encryptedChallenge").asString(), account().keys().keyAttributes(), device.masterKey());
    }

    Response delete(EnteTestClient device, String challenge) {
        return device.delete(
                "/users/delete",
                JSON.createObjectNode()
                        .put("challenge", challenge)
                        .put("reason", "not_listed")
                        .put("feedback", "testing"));
    }

    @Test
    void deleteWhenTheOpenedChallengeIsSentBackThenNothingOfTheAccountIsLeft() {
        String email = newEmail("leaver");
        EnteTestClient phone = signedUpWithKeys(email);
        EnteTestClient laptop = loggedIn(email);
        new EnteVaultClient(phone).openOrCreateKey().create("otpauth://totp/D:leaver?secret=JBSWY3DP");
        long id = userId(email);
        jdbc.sql("INSERT INTO viewer_settings (user_id, auto_lock_seconds) VALUES (?, 300)")
                .param(id)
                .update();
        jdbc.sql("INSERT INTO passkey_accounts (user_id, user_handle) VALUES (?, ?)")
                .params(id, UUID.randomUUID().toString())
                .update();
        List<UUID> srpIds = jdbc.sql("SELECT srp_user_id FROM srp_auth WHERE user_id = ?")
                .param(id)
                .query(UUID.class)
                .list();
        expect(newClient().post("/users/ott", JSON.createObjectNode().put("email", email)), 200);
        String challenge = openChallenge(phone);
        assertThat(rowsOf(id).values()).anyMatch(rows -> rows > 0);

        JsonNode deleted = expect(delete(phone, challenge), 200).body();

        assertThat(deleted.path("userID").asLong()).isEqualTo(id);
        assertThat(deleted.path("isSubscriptionCancelled").asBoolean()).isFalse();
        assertThat(rowsOf(id))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(count("SELECT COUNT(*) FROM email_codes WHERE email = ?", email))
                .isZero();
        for (UUID srpId : srpIds) {
            assertThat(count("SELECT COUNT(*) FROM srp_sessions WHERE srp_user_id = ?", srpId))
                    .isZero();
        }
        expect(phone.get("/users/details/v2"), 401);
        expect(laptop.get("/authenticator/key"), 401);
        JsonNode after = expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes");
        assertThat(UUID.fromString(after.path("srpUserID").asString())).isNotIn(srpIds);
        assertPasswordSignInRefused(email, PASSWORD);
    }

    @Test
    void deleteWhenTheAccountHasAWebSessionThenTheViewerIsSignedOutToo() throws Exception {
        String email = newEmail("viewer");
        EnteTestClient phone = signedUpWithKeys(email);
        URI base = URI.create("http://localhost:" + port);
        HttpViewer browser =
                HttpViewer.load(HTTP, base, "/login").signIn(loggedIn(email).token());
        assertThat(browser.get("/web/settings")).isEqualTo(200);

        expect(delete(phone, openChallenge(phone)), 200);

        assertThat(browser.get("/web/settings")).isBetween(400, 499);
        assertThat(browser.reload("/login"))
                .as("the browser gets a new session")
                .isPresent();
    }

    @Test
    void deleteWhenTheEmailSignsUpAgainThenANewEmptyAccount() {
        String email = newEmail("returner");
        EnteTestClient phone = signedUpWithKeys(email);
        new EnteVaultClient(phone).openOrCreateKey().create("otpauth://totp/D:returner?secret=JBSWY3DP");
        long before = userId(email);
        expect(delete(phone, openChallenge(phone)), 200);

        EnteTestClient again = signedUpWithKeys(email);

        assertThat(userId(email)).isNotEqualTo(before);
        expect(again.get("/authenticator/key"), 404);
        assertThat(expect(again.get("/users/details/v2"), 200)
                        .body()
                        .path("email")
                        .asString())
                .isEqualTo(email);
    }

    @Test
    void deleteWhenTheChallengeIsWrongStaleMissingOrAnotherAccountsThenForbiddenAndNothingChanged() {
        String email = newEmail("stayer");
        EnteTestClient phone = signedUpWithKeys(email);
        EnteTestClient bob = signedUpWithKeys(newEmail("bob"));
        long id = userId(email);
        String stale = openChallenge(phone);
        String current = openChallenge(phone);
        String bobs = openChallenge(bob);
        Map<String, Long> before = rowsOf(id);

        for (String wrong : new String[] {
            stale,
            bobs,
            Base64.getUrlEncoder().withoutPadding().encodeToString(Sodium.randomBytes(32)),
            "",
            "x".repeat(10_000)
        }) {
            Response refused = expect(delete(phone, wrong), 403);
            assertThat(refused.code()).isEqualTo("INVALID_DELETE_CHALLENGE");
        }
        expect(phone.delete("/users/delete", JSON.createObjectNode()), 403);

        assertThat(rowsOf(id)).isEqualTo(before);
        expect(phone.get("/users/details/v2"), 200);
        expect(delete(phone, current), 200);
        expect(bob.get("/users/details/v2"), 200);
    }

    @Test
    void deleteWhenTheChallengeIsReplayedByTheSameEmailsNewAccountThenForbidden() {
        String email = newEmail("replayer");
        EnteTestClient phone = signedUpWithKeys(email);
        String challenge = openChallenge(phone);
        expect(delete(phone, challenge), 200);
        EnteTestClient again = signedUpWithKeys(email);
        long id = userId(email);

        assertThat(expect(delete(again, challenge), 403).code()).isEqualTo("INVALID_DELETE_CHALLENGE");

        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", id)).isOne();
    }

    @Test
    void deleteChallengeWhenTheAccountHasNoKeysThenRefused() {
        EnteTestClient keyless = withTokenOnly(newEmail("keyless"));

        assertThat(expect(keyless.get("/users/delete-challenge"), 400).code()).isEqualTo("KEY_ATTRIBUTES_NOT_SET");
    }

    @Test
    void deleteWhenNoTokenThenUnauthorized() {
        expect(newClient().delete("/users/delete", JSON.createObjectNode().put("challenge", "x")), 401);
        expect(newClient().get("/users/delete-challenge"), 401);
    }

    long userId(String email) {
        return count("SELECT id FROM users WHERE email = ?", email);
    }

    /**
     * The account's rows in every table that has a {@code user_id} column, found in the schema itself so that
     * a table added later is checked too.
     */
    Map<String, Long> rowsOf(long id) {
        List<String> tables = jdbc.sql("""
                SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
                WHERE LOWER(column_name) = 'user_id' AND LOWER(table_schema) = 'public'""").query(String.class).list();
        assertThat(tables)
                .contains(
                        "key_attributes",
                        "tokens",
                        "srp_auth",
                        "srp_setups",
                        "authenticator_keys",
                        "authenticator_entities",
                        "passkey_accounts",
                        "passkeys",
                        "passkey_pending_sign_ins",
                        "viewer_settings",
                        "delete_challenges");
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", id));
        }
        rows.put("users", count("SELECT COUNT(*) FROM users WHERE id = ?", id));
        return rows;
    }
}
