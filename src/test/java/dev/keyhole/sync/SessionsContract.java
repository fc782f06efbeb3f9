package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sha256;
import dev.keyhole.viewer.HttpViewer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ente's active sessions: {@code GET /users/sessions} and {@code DELETE /users/session?token=}. Ente's app
 * marks "This device" where an entry's token equals its own (mobile/packages/accounts/lib/pages/
 * sessions_page.dart); no entry may carry another device's token.
 */
abstract class SessionsContract extends AccountSettingsSupport {

    @Test
    void twoDevicesEachRecogniseOnlyThemselvesAndSeeNoOtherToken() {
        String email = newEmail("two-devices");
        EnteTestClient phone = signedUp(email);
        EnteTestClient laptop = loggedIn(email);

        for (EnteTestClient device : List.of(phone, laptop)) {
            EnteTestClient other = device == phone ? laptop : phone;
            JsonNode sessions =
                    expect(device.get("/users/sessions"), 200).body().path("sessions");
            List<String> tokens = sessions.findValuesAsString("token");
            assertThat(tokens).hasSize(2).containsOnlyOnce(device.token()).doesNotContain(other.token());
            assertThat(tokens).contains(sessionIdOf(other));
            for (JsonNode session : sessions) {
                assertThat(session.path("creationTime").asLong()).isPositive();
                assertThat(session.path("lastUsedTime").asLong()).isPositive();
                assertThat(session.path("ip").asString()).isEqualTo("127.0.0.1");
                assertThat(session.path("ua").isString()
                                && session.path("prettyUA").isString())
                        .isTrue();
            }
        }
    }

    @Test
    void oneDeviceTerminatesTheOtherWhoseTokenThenStopsWorking() {
        String email = newEmail("terminate");
        EnteTestClient phone = signedUp(email);
        EnteTestClient laptop = loggedIn(email);
        String laptopEntry = otherEntry(phone);

        JsonNode answer =
                expect(phone.delete("/users/session?token=" + laptopEntry), 200).body();

        assertThat(answer.isObject() && answer.isEmpty()).isTrue();
        assertThat(expect(laptop.get("/users/sessions"), 401).code()).isEqualTo("UNAUTHORIZED");
        expect(laptop.get("/authenticator/key"), 401);
        assertThat(expect(phone.get("/users/sessions"), 200)
                        .body()
                        .path("sessions")
                        .findValuesAsString("token"))
                .containsExactly(phone.token());
        // Ending it again is Ente's quiet no-op, not an error its sessions page would show.
        expect(phone.delete("/users/session?token=" + laptopEntry), 200);
    }

    @Test
    void anotherAccountsSessionCannotBeTerminatedByItsIdOrItsTokenAndNothingChanges() {
        EnteTestClient alice = signedUp(newEmail("alice"));
        EnteTestClient bob = signedUp(newEmail("bob"));
        long tokensBefore = count("SELECT COUNT(*) FROM tokens");

        EnteTestClient.Response byId = expect(alice.delete("/users/session?token=" + sessionIdOf(bob)), 200);
        EnteTestClient.Response byToken = expect(alice.delete("/users/session?token=" + bob.token()), 200);
        EnteTestClient.Response missing = expect(alice.delete("/users/session?token=" + "0".repeat(64)), 200);

        assertThat(byId.body()).isEqualTo(missing.body()).isEqualTo(byToken.body());
        assertThat(count("SELECT COUNT(*) FROM tokens")).isEqualTo(tokensBefore);
        expect(bob.get("/users/sessions"), 200);
        expect(alice.get("/users/sessions"), 200);
    }

    @Test
    void theWebViewerKeepsNoSyncTokenButIsListedAsABrowserThatAnAppCanSignOut() throws Exception {
        String email = newEmail("viewer");
        EnteTestClient phone = signedUp(email);
        EnteTestClient browser = loggedIn(email);
        HttpViewer viewer = HttpViewer.load(
                        HttpClient.newHttpClient(), URI.create("http://localhost:" + port), "/login")
                .signIn(browser.token());

        expect(browser.get("/users/sessions"), 401);
        JsonNode listed = expect(phone.get("/users/sessions"), 200).body().path("sessions");
        assertThat(listed.findValuesAsString("token"))
                .hasSize(2)
                .contains(phone.token())
                .doesNotContain(browser.token(), sessionIdOf(browser));
        JsonNode entry = browserEntry(listed);
        assertThat(entry.path("token").asString()).matches("[0-9a-f]{64}");
        assertThat(entry.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.path("creationTime").asLong()).isPositive();
        assertThat(viewer.get("/web/sessions")).isEqualTo(200);

        expect(phone.delete("/users/session?token=" + entry.path("token").asString()), 200);

        assertThat(viewer.get("/web/sessions")).isEqualTo(401);
        assertThat(expect(phone.get("/users/sessions"), 200)
                        .body()
                        .path("sessions")
                        .findValuesAsString("token"))
                .containsExactly(phone.token());
    }

    @Test
    void aBrowserSignedInWithThisServerCannotBeEndedByAnotherAccount() throws Exception {
        String email = newEmail("viewer-owner");
        EnteTestClient phone = signedUp(email);
        HttpViewer viewer = HttpViewer.load(
                        HttpClient.newHttpClient(), URI.create("http://localhost:" + port), "/login")
                .signIn(loggedIn(email).token());
        EnteTestClient stranger = signedUp(newEmail("viewer-stranger"));
        String browserId = browserEntry(
                        expect(phone.get("/users/sessions"), 200).body().path("sessions"))
                .path("token")
                .asString();

        expect(stranger.delete("/users/session?token=" + browserId), 200);

        assertThat(viewer.get("/web/sessions")).isEqualTo(200);
        assertThat(expect(stranger.get("/users/sessions"), 200).body().path("sessions"))
                .hasSize(1);
    }

    @Test
    void sessionsWithoutATokenThenUnauthorized() {
        assertThat(expect(newClient().get("/users/sessions"), 401).code()).isEqualTo("UNAUTHORIZED");
        expect(newClient().delete("/users/session?token=" + "0".repeat(64)), 401);
    }

    /** The one entry of a browser signed in to the viewer: Keyhole names it "Web viewer, ...". */
    private static JsonNode browserEntry(JsonNode sessions) {
        List<JsonNode> browsers = sessions.valueStream()
                .filter(session -> session.path("prettyUA").asString().startsWith("Web viewer"))
                .toList();
        assertThat(browsers).hasSize(1);
        return browsers.getFirst();
    }

    /** The entry that is not the caller's own. */
    private static String otherEntry(EnteTestClient device) {
        return expect(device.get("/users/sessions"), 200).body().path("sessions").findValuesAsString("token").stream()
                .filter(token -> !token.equals(device.token()))
                .findFirst()
                .orElseThrow();
    }

    private static String sessionIdOf(EnteTestClient device) {
        return Sha256.hex(Base64.getUrlDecoder().decode(device.token()));
    }
}
