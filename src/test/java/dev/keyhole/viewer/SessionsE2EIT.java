package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.CliRun;
import dev.keyhole.cli.CliSeeding;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SessionsPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sessions and devices: every signed-in browser and sync client is listed, on {@code /settings/sessions} and
 * by the CLI's {@code sessions}, and ending one signs it out wherever it is.
 */
class SessionsE2EIT extends ViewerBrowserCase {

    @TempDir
    Path cliConfig;

    @BeforeEach
    void newVisitor() {
        forgetAll();
    }

    @Test
    void aBrowserEndsAnotherBrowsersSessionWhichIsSignedOutAndTheCliSeesBothChanges() {
        CliSeeding.SeededAccount account = CliSeeding.accountWithImportedSample(
                baseUrl(), "sessions-" + System.nanoTime() + "@example.test", cliConfig);
        LoginPage.open(browser, signInWait(browser), baseUrl() + "/login").signIn(account.email(), account.password());
        ChromeDriver other = freshBrowser();
        try {
            WebDriverWait otherWait = new WebDriverWait(other, WAIT);
            LoginPage.open(other, signInWait(other), baseUrl() + "/login").signIn(account.email(), account.password());

            CliRun listed = account.cli().execute("sessions");
            assertThat(listed.out()).as(listed.err()).contains("3 active sessions");
            assertThat(listed.out().lines().filter(line -> line.contains("Web viewer, Chrome on Linux")))
                    .hasSize(2);

            browser.get(baseUrl() + "/settings");
            settingsLink("settings-sessions").click();
            SessionsPage sessions = SessionsPage.attach(browser, waitUp());
            List<SessionsPage.Entry> entries = sessions.entries();
            assertThat(entries).hasSize(3);
            assertThat(entries.getFirst().current()).isTrue();
            assertThat(entries.getFirst().client()).isEqualTo("Web viewer, Chrome on Linux");
            assertThat(entries).filteredOn(SessionsPage.Entry::current).hasSize(1);
            assertThat(entries).extracting(SessionsPage.Entry::times).allMatch(times -> times.endsWith("127.0.0.1"));
            assertThat(entries)
                    .extracting(SessionsPage.Entry::kind)
                    .containsExactlyInAnyOrder(
                            "Web viewer (can only read)",
                            "Web viewer (can only read)",
                            "Sync client (can change codes)");
            String otherBrowser = entries.stream()
                    .filter(entry -> !entry.current() && entry.client().startsWith("Web viewer"))
                    .findFirst()
                    .orElseThrow()
                    .id();

            sessions.end(otherBrowser);

            assertThat(sessions.status()).startsWith("Ended: Web viewer, Chrome on Linux.");
            other.get(baseUrl() + "/codes");
            LoginPage.open(other, otherWait, baseUrl() + "/codes");
            CliRun after = account.cli().execute("sessions");
            assertThat(after.out()).as(after.err()).contains("2 active sessions");
            browser.get(baseUrl() + "/codes");
            CodesPage.waitForCodes(browser, waitUp());
        } finally {
            other.quit();
        }
    }

    @Test
    void signingOutThisBrowserFromTheListEndsItsSession() {
        TestAccount account = TestAccount.signUp(port, "sessions-self");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        LoginPage.open(browser, signInWait(browser), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
        SessionsPage sessions = SessionsPage.open(browser, waitUp(), baseUrl());
        SessionsPage.Entry self = sessions.entries().getFirst();
        assertThat(self.current()).isTrue();

        sessions.press(self.id());

        waitUp().until(driver -> driver.getCurrentUrl().endsWith("/login"));
        LoginPage.open(browser, waitUp(), baseUrl() + "/settings/sessions");
        assertThat(account.client()
                        .get("/users/sessions")
                        .body()
                        .path("sessions")
                        .findValuesAsString("token"))
                .doesNotContain(self.id())
                .hasSize(1);
    }

    /**
     * The CLI's account derives its key at Ente's default cost (256 MiB x 16), which the browser repeats at
     * sign-in: on a loaded machine that takes longer than a page's usual wait.
     */
    private static WebDriverWait signInWait(ChromeDriver driver) {
        return new WebDriverWait(driver, java.time.Duration.ofSeconds(120));
    }

    private org.openqa.selenium.WebElement settingsLink(String testId) {
        return waitUp().until(driver -> {
            var hosts = driver.findElements(By.tagName("keyhole-settings"));
            if (hosts.isEmpty()) {
                return null;
            }
            var found = hosts.getFirst().getShadowRoot().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }
}
