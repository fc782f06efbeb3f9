package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import dev.keyhole.viewer.pages.PasskeyVerifyPage;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Require a passkey after the password": the password alone no longer signs in. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeySecondFactorE2EIT extends PasskeyBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VirtualAuthenticator phone;

    @Test
    @Order(1)
    void thePolicyCannotBeTurnedOnWithoutAPasskey() {
        signInWithPassword();
        PasskeySettingsPage settings = settings();

        assertThat(settings.toggleRequirePasskey()).isEqualTo("Register a passkey before requiring one.");
        assertThat(settings.requiresPasskeyAfterPassword()).isFalse();
    }

    @Test
    @Order(2)
    void withThePolicyOnThePasswordSignInAsksForThePasskeyThenShowsTheCodes() {
        phone = VirtualAuthenticator.withPrf(browser);
        PasskeySettingsPage settings = settings();
        settings.register("Phone");
        assertThat(settings.toggleRequirePasskey()).isEqualTo("A passkey is now required after the password.");
        assertThat(settings().requiresPasskeyAfterPassword())
                .as("as the server holds it")
                .isTrue();
        long counter = phone.credentials().getFirst().signCount();

        signOut();
        CodesPage codes = signInWithPassword();

        assertShowsTheAccountsCodes(codes);
        assertThat(sentFromThisPage())
                .anyMatch(request -> request.contains("/users/two-factor/passkeys/begin"))
                .anyMatch(request -> request.contains("/users/two-factor/passkeys/finish"));
        assertThat(phone.credentials().getFirst().signCount())
                .as("the passkey was used")
                .isGreaterThan(counter);
    }

    @Test
    @Order(3)
    void anAppsSignInIsApprovedOnTheVerifyPageAndTheAppThenFetchesItsToken() {
        EnteTestClient app = new EnteTestClient(URI.create(baseUrl()));
        EnteTestClient.expect(
                app.post(
                        "/users/ott",
                        JSON.createObjectNode().put("email", account.email).put("purpose", "login")),
                200);
        JsonNode pending = EnteTestClient.expect(
                        app.post(
                                "/users/verify-email",
                                JSON.createObjectNode()
                                        .put("email", account.email)
                                        .put("ott", "123456")),
                        200)
                .body();
        String sessionId = pending.path("passkeySessionID").asString();
        assertThat(sessionId).isNotBlank();
        assertThat(pending.has("encryptedToken")).isFalse();
        assertThat(app.get("/users/two-factor/passkeys/get-token?sessionID=" + sessionId)
                        .status())
                .isEqualTo(400);

        String outcome =
                PasskeyVerifyPage.open(browser, waitUp(), baseUrl(), sessionId).approve();

        assertThat(outcome).isEqualTo("Sign-in approved. Return to your app.");
        JsonNode signedIn = EnteTestClient.expect(
                        app.get("/users/two-factor/passkeys/get-token?sessionID=" + sessionId), 200)
                .body();
        assertThat(signedIn.path("encryptedToken").asString()).isNotBlank();
        assertThat(signedIn.path("keyAttributes").path("encryptedKey").asString())
                .isNotBlank();
    }

    @Test
    @Order(4)
    void onAnotherComputerWithoutThePasskeyThePasswordAloneDoesNotGetIn() {
        ChromeDriver otherComputer = freshBrowser();
        try {
            VirtualAuthenticator.withoutPasskeyAutofill(otherComputer);
            otherComputer.get(baseUrl() + "/login");
            // An authenticator without this account's passkey (a request with no authenticator at all would
            // wait for its five-minute timeout): it answers "not allowed" at once.
            VirtualAuthenticator.withPrf(otherComputer);
            WebDriverWait wait = new WebDriverWait(otherComputer, WAIT);

            String error = LoginPage.open(otherComputer, wait, baseUrl() + "/login")
                    .submit(account.email, TestAccount.PASSWORD)
                    .error();

            assertThat(error).isEqualTo("The passkey request was cancelled or timed out.");
            assertThat(otherComputer.getCurrentUrl()).contains("/login");
            assertThat(
                            otherComputer.executeAsyncScript(
                                    "const done = arguments[0]; fetch('/web/session-key').then(r => done(r.status), () => done(0))"))
                    .as("no session was opened")
                    .isEqualTo(401L);
        } finally {
            otherComputer.quit();
        }
    }

    @Test
    @Order(5)
    void aPasskeySignInSatisfiesThePolicyByItself() {
        CodesPage codes = signOut().signInWithPasskey();

        assertShowsTheAccountsCodes(codes);
        assertNoPasswordStep(sentFromThisPage());
    }

    @Test
    @Order(6)
    void deletingTheLastPasskeyTurnsThePolicyOffSoThePasswordAloneSignsInAgain() {
        PasskeySettingsPage settings = settings();
        settings.delete("Phone");

        assertThat(settings().requiresPasskeyAfterPassword()).isFalse();
        signOut();
        phone.remove();
        assertShowsTheAccountsCodes(signInWithPassword());
        assertThat(sentFromThisPage()).noneMatch(request -> request.contains("/users/two-factor/"));
    }
}
