package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import dev.keyhole.viewer.pages.UnlockPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/**
 * A passkey with PRF, from registration in the settings to signing in with one click and unlocking a
 * new tab without the password, then renamed and deleted. Each test starts from a browser that knows
 * nothing, with an authenticator of its own.
 */
class PasskeySignInE2EIT extends PasskeyBrowserCase {

    private VirtualAuthenticator phone;

    @BeforeEach
    void newVisitorWithAnEmptyPhone() {
        forgetAll();
        phone = newPhone();
    }

    /** An account of this test's own, signed in with the password, whose passkey "Work laptop" is the phone's. */
    private void signedInWithARegisteredPasskey() {
        useNewAccount();
        signInWithPassword();
        settings().register("Work laptop");
    }

    @Test
    void registeringNeedsTheVaultUnlockedInThisTab() {
        signInWithPassword();
        browser.executeScript("sessionStorage.clear()");

        PasskeySettingsPage settings = settings();

        assertThat(settings.canRegister()).isFalse();
        assertThat(settings.lockedNotice()).contains("needs your vault unlocked");
        assertThat(settings.items()).isEmpty();
        assertThat(phone.credentials()).isEmpty();
    }

    @Test
    void aPasskeyRegisteredInTheSettingsUnlocksTheVault() {
        useNewAccount();
        signInWithPassword();
        PasskeySettingsPage settings = settings();
        assertThat(settings.defaultName()).isEqualTo("Passkey on Linux");

        String status = settings.register("Work laptop");

        assertThat(status).contains("signs you in and unlocks your vault");
        assertThat(settings.items()).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("Work laptop");
            assertThat(item.unlocksVault()).isTrue();
            assertThat(item.times()).contains("last used never");
            assertThat(item.id())
                    .isEqualTo(base64Url(phone.credentials().getFirst().id()));
        });
        assertThat(phone.credentials()).hasSize(1);
    }

    @Test
    void afterSigningOutOneClickShowsTheCodesWithoutAPassword() {
        signedInWithARegisteredPasskey();
        LoginPage login = signOut();
        assertThat(sessionKeyStatus()).isEqualTo(401L);
        long counterBefore = phone.credentials().getFirst().signCount();

        CodesPage codes = login.signInWithPasskey();

        assertShowsTheAccountsCodes(codes);
        assertThat(codes.isLocked()).isFalse();
        assertThat(browser.getCurrentUrl()).endsWith("/codes");
        assertNoPasswordStep(sentFromThisPage());
        assertThat(sentFromThisPage()).anyMatch(request -> request.contains("/web/passkeys/sign-in "));
        assertThat(phone.credentials().getFirst().signCount()).isGreaterThan(counterBefore);
        assertThat(settings().items().getFirst().times()).doesNotContain("last used never");
    }

    @Test
    void aReloadOfATabSignedInWithThePasskeyStaysUnlocked() {
        signedInWithARegisteredPasskey();
        signOut().signInWithPasskey();

        browser.get(baseUrl() + "/codes");

        assertThat(CodesPage.waitForCodes(browser, waitUp()).isLocked()).isFalse();
    }

    /**
     * A bookmark opened in a new tab finds no key in that tab. Chromium's virtual authenticator belongs
     * to one tab, and a copy of its credential in another tab loses the PRF secret; so the new tab is
     * made here the way the viewer sees one: same cookie, empty sessionStorage, a fresh page.
     */
    @Test
    void aBookmarkInANewTabUnlocksWithThePasskeyAndShowsTheBookmarkedView() {
        signedInWithARegisteredPasskey();
        browser.executeScript("sessionStorage.clear()");
        browser.get(baseUrl() + "/codes?q=git");

        CodesPage codes = UnlockPage.waitFor(browser, waitUp()).unlockWithPasskey();

        assertThat(codes.cards()).extracting(CodesPage.Card::issuer).containsExactly("GitHub");
        assertThat(codes.searchText()).isEqualTo("git");
        assertNoPasswordStep(sentFromThisPage());
    }

    @Test
    void aRealNewWindowAsksAgainAndAPasskeyWithoutItsPrfSecretIsExplainedWhileThePasswordStillWorks() {
        signedInWithARegisteredPasskey();
        VirtualAuthenticator.Credential copied = phone.credentials().getFirst();
        String original = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(baseUrl() + "/codes");
            UnlockPage unlock = UnlockPage.waitFor(browser, waitUp());
            VirtualAuthenticator copy = VirtualAuthenticator.withPrf(browser);
            copy.add(copied);

            String error = unlock.clickPasskeyUnlock().error();

            assertThat(error).isEqualTo("This passkey cannot unlock the vault here. Use your password.");
            assertShowsTheAccountsCodes(unlock.unlock(TestAccount.PASSWORD));
        } finally {
            browser.close();
            browser.switchTo().window(original);
        }
    }

    @Test
    void aRenamedPasskeyIsListedUnderItsNewName() {
        signedInWithARegisteredPasskey();
        PasskeySettingsPage settings = settings();

        settings.rename("Work laptop", "Old laptop");

        assertThat(settings().items())
                .extracting(PasskeySettingsPage.Item::name)
                .containsExactly("Old laptop");
    }

    @Test
    void aDeletedPasskeyNoLongerSignsIn() {
        signedInWithARegisteredPasskey();
        PasskeySettingsPage settings = settings();
        settings.delete("Work laptop");
        assertThat(settings().items()).isEmpty();
        assertThat(phone.credentials()).as("the authenticator still holds it").hasSize(1);

        LoginPage login = signOut();
        String error = login.clickPasskeyLogin().error();

        assertThat(error).isEqualTo("This passkey was not accepted. It may have been removed from your account.");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(sessionKeyStatus()).isEqualTo(401L);
    }

    /** The DevTools protocol gives credential ids in standard base64, the server in base64url. */
    static String base64Url(String standard) {
        return standard.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
