package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** "Require a passkey after the password": the password alone no longer signs in. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeySecondFactorE2EIT extends PasskeyBrowserTest {

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
        assertThat(settings().requiresPasskeyAfterPassword()).as("as the server holds it").isTrue();
        long counter = phone.credentials().getFirst().signCount();

        CodesPage.attach(browser, waitUp()).logOut();
        CodesPage codes = signInWithPassword();

        assertShowsTheAccountsCodes(codes);
        assertThat(sentFromThisPage()).anyMatch(request -> request.contains("/users/two-factor/passkeys/begin"))
                .anyMatch(request -> request.contains("/users/two-factor/passkeys/finish"));
        assertThat(phone.credentials().getFirst().signCount()).as("the passkey was used").isGreaterThan(counter);
    }

    @Test
    @Order(3)
    void withoutThePasskeyThePasswordAloneDoesNotGetIn() {
        CodesPage.attach(browser, waitUp()).logOut();
        VirtualAuthenticator.Credential kept = phone.credentials().getFirst();
        phone.clear();
        try {
            String error = LoginPage.open(browser, waitUp(), baseUrl() + "/login")
                    .submit(account.email, TestAccount.PASSWORD).error();

            assertThat(error).isEqualTo("The passkey request was cancelled or timed out.");
            assertThat(browser.getCurrentUrl()).contains("/login");
            assertThat(sessionKeyStatus()).isEqualTo(401L);
            assertThat(sentFromThisPage()).noneMatch(request -> request.contains("/web/session "));
        } finally {
            phone.add(kept);
        }
    }

    @Test
    @Order(4)
    void aPasskeySignInSatisfiesThePolicyByItself() {
        CodesPage codes = LoginPage.open(browser, waitUp(), baseUrl() + "/login").signInWithPasskey();

        assertShowsTheAccountsCodes(codes);
        assertNoPasswordStep(sentFromThisPage());
    }

    @Test
    @Order(5)
    void deletingTheLastPasskeyTurnsThePolicyOffSoThePasswordAloneSignsInAgain() {
        PasskeySettingsPage settings = settings();
        settings.delete("Phone");

        assertThat(settings().requiresPasskeyAfterPassword()).isFalse();
        CodesPage.attach(browser, navigateToCodes()).logOut();
        phone.remove();
        assertShowsTheAccountsCodes(signInWithPassword());
        assertThat(sentFromThisPage()).noneMatch(request -> request.contains("/users/two-factor/"));
    }

    private org.openqa.selenium.support.ui.WebDriverWait navigateToCodes() {
        browser.get(baseUrl() + "/codes");
        return waitUp();
    }
}
