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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Require a passkey after the password": the password alone no longer signs in. Each test starts from a
 * browser that knows nothing; a test that turns the policy on does it on an account of its own.
 */
class PasskeySecondFactorE2EIT extends PasskeyBrowserCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VirtualAuthenticator phone;

    @BeforeEach
    void newVisitorWithAnEmptyPhone() {
        forgetAll();
        phone = newPhone();
    }

    /** An account of this test's own, signed in with the password, that requires the phone's passkey. */
    private void signedInRequiringAPasskey() {
        useNewAccount();
        signInWithPassword();
        PasskeySettingsPage settings = settings();
        settings.register("Phone");
        assertThat(settings.toggleRequirePasskey()).isEqualTo("A passkey is now required after the password.");
    }

    @Test
    void thePolicyCannotBeTurnedOnWithoutAPasskey() {
        signInWithPassword();
        PasskeySettingsPage settings = settings();

        assertThat(settings.toggleRequirePasskey()).isEqualTo("Register a passkey before requiring one.");
        assertThat(settings.requiresPasskeyAfterPassword()).isFalse();
    }

    @Test
    void withThePolicyOnThePasswordSignInAsksForThePasskeyThenShowsTheCodes() {
        useNewAccount();
        signInWithPassword();
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
    void anAppsSignInIsApprovedOnTheVerifyPageAndTheAppThenFetchesItsToken() {
        signedInRequiringAPasskey();
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
    void onAnotherComputerWithoutThePasskeyThePasswordAloneDoesNotGetIn() {
        signedInRequiringAPasskey();
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
    void aPasskeySignInSatisfiesThePolicyByItself() {
        signedInRequiringAPasskey();
        CodesPage codes = signOut().signInWithPasskey();

        assertShowsTheAccountsCodes(codes);
        assertNoPasswordStep(sentFromThisPage());
    }

    @Test
    void deletingTheLastPasskeyTurnsThePolicyOffSoThePasswordAloneSignsInAgain() {
        signedInRequiringAPasskey();
        PasskeySettingsPage settings = settings();
        settings.delete("Phone");

        assertThat(settings().requiresPasskeyAfterPassword()).isFalse();
        signOut();
        phone.remove();
        assertShowsTheAccountsCodes(signInWithPassword());
        assertThat(sentFromThisPage()).noneMatch(request -> request.contains("/users/two-factor/"));
    }
}
