package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import dev.keyhole.viewer.pages.UnlockPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WindowType;

/**
 * A passkey with PRF, from registration in the settings to signing in with one click and unlocking a
 * new tab without the password, then renamed and deleted. One account and one authenticator through
 * the class, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeySignInE2EIT extends PasskeyBrowserTest {

    private VirtualAuthenticator phone;

    @BeforeAll
    void phoneWithPrf() {
        browser.get(baseUrl() + "/login");
        phone = VirtualAuthenticator.withPrf(browser);
    }

    @Test
    @Order(1)
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
    @Order(2)
    void aPasskeyRegisteredInTheSettingsUnlocksTheVault() {
        UnlockPage.waitFor(browser, navigateToCodes()).unlock(TestAccount.PASSWORD);
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
    @Order(3)
    void afterSigningOutOneClickShowsTheCodesWithoutAPassword() {
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
    @Order(4)
    void aReloadOfThatTabStaysUnlocked() {
        browser.get(baseUrl() + "/codes");

        assertThat(CodesPage.waitForCodes(browser, waitUp()).isLocked()).isFalse();
    }

    /**
     * A bookmark opened in a new tab finds no key in that tab. Chromium's virtual authenticator belongs
     * to one tab, and a copy of its credential in another tab loses the PRF secret; so the new tab is
     * made here the way the viewer sees one: same cookie, empty sessionStorage, a fresh page.
     */
    @Test
    @Order(5)
    void aBookmarkInANewTabUnlocksWithThePasskeyAndShowsTheBookmarkedView() {
        browser.executeScript("sessionStorage.clear()");
        browser.get(baseUrl() + "/codes?q=git");

        CodesPage codes = UnlockPage.waitFor(browser, waitUp()).unlockWithPasskey();

        assertThat(codes.cards()).extracting(CodesPage.Card::issuer).containsExactly("GitHub");
        assertThat(codes.searchText()).isEqualTo("git");
        assertNoPasswordStep(sentFromThisPage());
    }

    @Test
    @Order(6)
    void aRealNewWindowAsksAgainAndAPasskeyWithoutItsPrfSecretIsExplainedWhileThePasswordStillWorks() {
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
    @Order(7)
    void aRenamedPasskeyIsListedUnderItsNewName() {
        PasskeySettingsPage settings = settings();

        settings.rename("Work laptop", "Old laptop");

        assertThat(settings().items())
                .extracting(PasskeySettingsPage.Item::name)
                .containsExactly("Old laptop");
    }

    @Test
    @Order(8)
    void aDeletedPasskeyNoLongerSignsIn() {
        PasskeySettingsPage settings = settings();
        settings.delete("Old laptop");
        assertThat(settings().items()).isEmpty();
        assertThat(phone.credentials()).as("the authenticator still holds it").hasSize(1);

        LoginPage login = signOut();
        String error = login.clickPasskeyLogin().error();

        assertThat(error).isEqualTo("This passkey was not accepted. It may have been removed from your account.");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(sessionKeyStatus()).isEqualTo(401L);
    }

    private org.openqa.selenium.support.ui.WebDriverWait navigateToCodes() {
        browser.get(baseUrl() + "/codes");
        return waitUp();
    }

    /** The DevTools protocol gives credential ids in standard base64, the server in base64url. */
    static String base64Url(String standard) {
        return standard.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
