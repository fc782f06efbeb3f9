package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SettingsPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;

/**
 * What the dashboard says besides the codes: how fresh it is and when the server cannot be reached, entries
 * without a code, the HOTP counter it never advances; and the two display preferences of the settings page.
 * Each test signs a new account in.
 */
class DashboardStatusE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String GITHUB = "otpauth://totp/GitHub:alice?secret=" + SECRET + "&issuer=GitHub";

    @Test
    void failedPollsShowABannerThatGoesAwayByItselfWhenTheServerAnswersAgain() {
        CodesPage codes = signIn(GITHUB);
        waitUp().until(driver -> codes.text("sync-status").matches("Synced \\d+ s ago"));

        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/web/vault*")));
        try {
            waitUp().until(driver -> codes.text("offline-banner").startsWith("Cannot reach the server since"));
            assertThat(codes.cards())
                    .singleElement()
                    .satisfies(card -> assertThat(card.current()).matches("\\d{6}"));
        } finally {
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }

        waitUp().until(driver -> codes.text("offline-banner").isEmpty());
        waitUp().until(driver -> codes.text("sync-status").matches("Synced \\d s ago"));
    }

    @Test
    void entriesWithoutACodeSayWhyInPlainWordsAndOfferTheirRawData() {
        String broken = "otpauth://totp/Broken:bob?secret=not-base32!&issuer=Broken";
        CodesPage codes = signIn(GITHUB, broken);
        waitUp().until(driver -> codes.cards().size() == 2);

        assertThat(codes.text("code-error")).startsWith("This entry is not a code Keyhole can show (invalid secret)");
        codes.clickTestId("copy-raw");
        waitUp().until(driver -> codes.copyFeedback().equals("Copied the raw data"));
        assertThat(codes.clipboard()).isEqualTo(broken);
    }

    @Test
    void anUndecryptableEntryIsExplainedAndHasNoRawDataToCopy() {
        TestAccount account = TestAccount.signUp(port, "undecryptable");
        account.add(GITHUB);
        account.addUnreadable();
        CodesPage codes = signIn(account);
        waitUp().until(driver -> codes.cards().size() == 2);

        assertThat(codes.text("code-error")).startsWith("This entry cannot be opened with your key");
        assertThat(shadow().findElements(By.cssSelector("[data-testid=copy-raw]")))
                .isEmpty();
    }

    @Test
    void aCounterBasedCodeSaysTheViewerNeverAdvancesItsCounter() {
        CodesPage codes = signIn("otpauth://hotp/Counter:carol?secret=" + SECRET + "&issuer=Counter&counter=5");

        assertThat(codes.text("code-countdown")).contains("counter 5");
        assertThat(codes.text("hotp-hint")).isEqualTo("not advanced here");
        assertThat(shadow().findElement(By.cssSelector("[data-testid=code-countdown]"))
                        .getDomAttribute("title"))
                .contains("never advances it");
    }

    @Test
    void hiddenCodesShowWhenClickedAndTheClipboardIsClearedAfterTheChosenSeconds() {
        signIn(GITHUB);
        SettingsPage.open(browser, waitUp(), baseUrl()).setDisplay(2, true);
        browser.get(baseUrl() + "/codes");
        CodesPage page = CodesPage.waitForCodes(browser, waitUp());
        assertThat(page.cards().getFirst().current()).isEqualTo("••••••");
        // Far enough from a period boundary that the copied code is still the one shown afterwards.
        waitUp().until(driver -> page.cards().getFirst().secondsRemaining() >= 5);

        page.clickCard(0);

        waitUp().until(driver -> page.cards().getFirst().current().matches("\\d{6}"));
        String copied = page.clipboard();
        assertThat(copied).isEqualTo(page.cards().getFirst().current());
        waitUp().until(driver -> page.clipboard().isEmpty());
    }

    private CodesPage signIn(String... uris) {
        TestAccount account = TestAccount.signUp(port, "status");
        for (String uri : uris) {
            account.add(uri);
        }
        return signIn(account);
    }

    private CodesPage signIn(TestAccount account) {
        forgetAll();
        allowClipboard(browser);
        return LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
    }

    private SearchContext shadow() {
        return browser.findElement(By.tagName("keyhole-codes")).getShadowRoot();
    }
}
