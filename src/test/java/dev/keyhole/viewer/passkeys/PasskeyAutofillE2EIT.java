package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.ViewerBrowserCase;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in the email field's autofill (conditional mediation). Chromium's virtual authenticator
 * answers such a request as soon as it holds a passkey, as a person picking it from the autofill list
 * would: the test sees the sign-in happen without any click.
 */
class PasskeyAutofillE2EIT extends ViewerBrowserCase {

    @Test
    void thePasswordPathWorksWhileAutofillWaitsAndAPasskeyPickedFromAutofillSignsIn() {
        // Each document this tab loads leaves its path here, to tell the sign-out page from the one before.
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of(
                        "source",
                        "sessionStorage.setItem('test.pages', (sessionStorage.getItem('test.pages') ?? '') + location.pathname + ' ')"));
        TestAccount account = TestAccount.signUp(port, "autofill");
        account.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        browser.get(baseUrl() + "/login");
        VirtualAuthenticator phone = VirtualAuthenticator.withPrf(browser);

        // No passkey yet: the autofill request waits, and must give way to the password path.
        LoginPage login = LoginPage.open(browser, waitUp(), baseUrl() + "/login");
        assertThat(login.emailAutocomplete()).isEqualTo("username webauthn");
        login.signIn(account.email, TestAccount.PASSWORD);
        PasskeySettingsPage settings = PasskeySettingsPage.open(browser, waitUp(), baseUrl());
        settings.register("Phone");
        assertThat(phone.credentials()).hasSize(1);

        browser.get(baseUrl() + "/codes");
        CodesPage signedIn = CodesPage.waitForCodes(browser, waitUp());
        browser.executeScript("sessionStorage.setItem('test.pages', '')");
        signedIn.clickTestId("logout");

        // Signed out (the login page loaded), then signed in again by the autofill pick: no click, no typing.
        waitUp().until(driver -> "/login ".equals(browser.executeScript("return sessionStorage.getItem('test.pages')"))
                && driver.getCurrentUrl().endsWith("/codes"));
        CodesPage codes = CodesPage.waitForCodes(browser, waitUp());
        assertThat(codes.isLocked()).isFalse();
        dev.keyhole.viewer.CodesAssert.everyCardMatches(
                codes::cards,
                List.of(dev.keyhole.viewer.CodesAssert.parse(
                        account.uris().values().iterator().next())),
                Instant::now);
    }
}
