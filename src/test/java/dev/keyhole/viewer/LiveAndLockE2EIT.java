package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SettingsPage;
import dev.keyhole.viewer.pages.UnlockPage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Changes from a sync client appear without a reload; idle dashboards lock; a wrong browser clock is corrected.
 * Each test has an account of its own (they change its codes and its settings) and a browser that knows nothing.
 */
class LiveAndLockE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    /** Within the 30 s for a change to show (the dashboard polls every 10 s). */
    private static final Duration LIVE = Duration.ofSeconds(30);

    private TestAccount account;
    private UUID bank;

    @BeforeEach
    void newAccountAndVisitor() {
        forgetAll();
        account = TestAccount.signUp(port, "live");
        account.add("otpauth://totp/GitHub:alice?secret=" + SECRET + "&issuer=GitHub");
        bank = account.add("otpauth://totp/Bank:alice?secret=" + SECRET + "&issuer=Bank&period=60&digits=8");
    }

    private void signIn() {
        LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
    }

    @Test
    void codesAddedAndDeletedOnAPhoneAppearAndVanishWithoutAReload() {
        signIn();
        CodesPage codes = CodesPage.attach(browser, waitUp());
        browser.executeScript("window.__sameDocument = true");

        account.add("otpauth://totp/Mastodon:alice?secret=" + SECRET + "&issuer=Mastodon");
        account.delete(bank);

        new WebDriverWait(browser, LIVE)
                .until(driver -> codes.cards().stream()
                        .map(CodesPage.Card::issuer)
                        .toList()
                        .equals(List.of("GitHub", "Mastodon")));
        assertThat(browser.executeScript("return window.__sameDocument"))
                .as("no reload happened")
                .isEqualTo(true);
    }

    @Test
    void anIdleDashboardLocksItselfWipingItsCodesAndStoredKey() {
        signIn();
        SettingsPage.open(browser, waitUp(), baseUrl()).setAutoLockMinutes("0.05");
        browser.get(baseUrl() + "/codes");
        CodesPage codes = CodesPage.waitForCodes(browser, waitUp());

        UnlockPage unlock = UnlockPage.waitFor(browser, waitUp());

        assertThat(codes.cards()).isEmpty();
        assertThat(browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')"))
                .isNull();
        assertThat(unlock.submit("wrong password").error()).isEqualTo("The password is wrong.");
        SettingsPage.open(browser, waitUp(), baseUrl()).setAutoLockMinutes("15");
        browser.get(baseUrl() + "/codes");
        UnlockPage.waitFor(browser, waitUp()).unlock(TestAccount.PASSWORD);
    }

    @Test
    void aBrowserClockSevenMinutesFastStillShowsTheServersCodes() {
        ChromeDriver skewed = freshBrowser();
        try {
            skewed.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    (() => {
                      const skew = 7 * 60 * 1000, RealDate = Date, realNow = Date.now.bind(Date);
                      class SkewedDate extends RealDate {
                        constructor(...args) { if (args.length === 0) super(realNow() + skew); else super(...args); }
                        static now() { return realNow() + skew; }
                      }
                      globalThis.Date = SkewedDate;
                    })();"""));
            WebDriverWait wait = new WebDriverWait(skewed, WAIT);
            CodesPage codes =
                    LoginPage.open(skewed, wait, baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
            long browserAhead = (Long) skewed.executeScript("return Date.now()") - System.currentTimeMillis();
            assertThat(browserAhead).isGreaterThan(Duration.ofMinutes(6).toMillis());

            List<OtpCode> expected = account.uris().values().stream()
                    .map(CodesAssert::parse)
                    .sorted(java.util.Comparator.comparing(OtpCode::issuer))
                    .toList();
            CodesAssert.everyCardMatches(codes::cards, expected, Instant::now);
        } finally {
            skewed.quit();
        }
    }
}
