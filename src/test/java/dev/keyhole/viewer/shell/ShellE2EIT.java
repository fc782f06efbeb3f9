package dev.keyhole.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.ViewerBrowserCase;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.HeaderPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SettingsPage;
import dev.keyhole.viewer.pages.UnlockPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The frame around every signed-in page: its header and the lock it runs. Each test has an account of its
 * own (some change its auto-lock delay) and a browser that knows nothing.
 */
class ShellE2EIT extends ViewerBrowserCase {

    private static final String STORED_KEY = "return sessionStorage.getItem('keyhole.wrappedMasterKey')";

    private TestAccount account;

    @BeforeEach
    void newAccountAndVisitor() {
        forgetAll();
        account = TestAccount.signUp(port, "shell");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
    }

    private CodesPage signIn() {
        return LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
    }

    private HeaderPage header() {
        return new HeaderPage(browser, waitUp());
    }

    /** Issue 13's figure: idle on /settings past the delay, then the codes. */
    @Test
    void idleOnTheSettingsPageLocksTheTabAndItStaysLockedOnItsOtherPages() {
        signIn();
        SettingsPage.open(browser, waitUp(), baseUrl()).setAutoLockMinutes("0.05");
        browser.get(baseUrl() + "/settings");
        waitUp().until(driver -> browser.executeScript(STORED_KEY) != null);
        long idleFrom = System.nanoTime();

        waitUp().until(driver -> browser.executeScript(STORED_KEY) == null);
        System.out.printf("settings page locked after %d ms idle%n", (System.nanoTime() - idleFrom) / 1_000_000);
        waitUp().until(ExpectedConditions.urlContains("/codes"));
        UnlockPage.waitFor(browser, waitUp());
        assertThat(CodesPage.attach(browser, waitUp()).cards()).isEmpty();

        browser.get(baseUrl() + "/settings");
        header().click("nav-codes");
        waitUp().until(ExpectedConditions.urlContains("/codes"));
        UnlockPage.waitFor(browser, waitUp());
        assertThat(CodesPage.attach(browser, waitUp()).cards()).isEmpty();

        // A 3 s delay would lock again while the password's key derivation runs.
        SettingsPage.open(browser, waitUp(), baseUrl()).setAutoLockMinutes("15");
        browser.get(baseUrl() + "/codes");
        UnlockPage.waitFor(browser, waitUp()).unlock(TestAccount.PASSWORD);
    }

    @Test
    void lockNowWipesTheKeyAndTheCodesUntilThePasswordIsGivenAgain() {
        CodesPage codes = signIn();

        codes.clickTestId("lock-now");

        UnlockPage unlock = UnlockPage.waitFor(browser, waitUp());
        assertThat(codes.cards()).isEmpty();
        assertThat(browser.executeScript(STORED_KEY)).isNull();
        assertThat(browser.executeScript("return document.querySelector('keyhole-codes').shadowRoot"
                        + ".querySelector('keyhole-unlock').getAttribute('reason')"))
                .isEqualTo("Locked. Enter your password to see your codes again.");
        unlock.unlock(TestAccount.PASSWORD);
        assertThat(CodesPage.waitForCodes(browser, waitUp()).cards()).hasSize(1);
    }

    @Test
    void theLockShortcutLocksFromTheSettingsPageEvenWhileTyping() {
        signIn();
        SettingsPage.open(browser, waitUp(), baseUrl());
        waitUp().until(driver -> browser.executeScript(STORED_KEY) != null);
        waitUp().until(driver ->
                browser.executeScript("const input = document.querySelector('keyhole-settings')?.shadowRoot"
                        + "?.querySelector('[data-testid=auto-lock-minutes]:not([disabled])');"
                        + " input?.focus();"
                        + " return !!input && input === input.getRootNode().activeElement;"));

        new Actions(browser)
                .keyDown(Keys.ALT)
                .keyDown(Keys.SHIFT)
                .sendKeys("l")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.ALT)
                .perform();

        waitUp().until(ExpectedConditions.urlContains("/codes"));
        UnlockPage.waitFor(browser, waitUp());
        assertThat(browser.executeScript(STORED_KEY)).isNull();
    }

    @Test
    void everySignedInPageHasTheHeaderAndEveryPageOneMainLandmark() {
        signIn();
        List<String> seen = new ArrayList<>();
        for (ViewerPage page : ViewerPage.values()) {
            if (page.access == ViewerPage.Access.SIGNED_OUT) {
                continue;
            }
            if (page.access == ViewerPage.Access.LOCKED) {
                browser.executeScript("sessionStorage.removeItem('keyhole.wrappedMasterKey')");
            }
            browser.get(baseUrl() + page.path);
            page.waitUntilReady(browser);
            seen.add(page + " " + header().controls() + " main=" + mains());
        }
        forgetAll();
        for (ViewerPage page : ViewerPage.values()) {
            if (page.access == ViewerPage.Access.SIGNED_OUT) {
                browser.get(baseUrl() + page.path);
                page.waitUntilReady(browser);
                seen.add(page + " header=" + HeaderPage.isShown(browser) + " main=" + mains());
            }
        }

        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "LOGIN header=false main=1",
                        "BROWSER_CHECK header=false main=1",
                        "PASSKEY_VERIFY header=false main=1",
                        "SIGN_UP header=false main=1",
                        "RECOVER header=false main=1",
                        "CODES [nav-codes*, nav-settings, nav-export, theme-toggle, lock-now, logout] main=1",
                        "UNLOCK [nav-codes*, nav-settings, nav-export, theme-toggle, lock-now, logout] main=1",
                        "SETTINGS [nav-codes, nav-settings*, nav-export, theme-toggle, lock-now, logout] main=1",
                        "CHANGE_PASSWORD [nav-codes, nav-settings*, nav-export, theme-toggle, lock-now, logout] main=1",
                        "SESSIONS [nav-codes, nav-settings*, nav-export, theme-toggle, lock-now, logout] main=1",
                        "EXPORT [nav-codes, nav-settings, nav-export*, theme-toggle, lock-now, logout] main=1");
    }

    private long mains() {
        return (Long) browser.executeScript("return document.querySelectorAll('main').length");
    }

    @Test
    void signingOutFromTheSettingsPageEndsTheSession() {
        signIn();
        SettingsPage.open(browser, waitUp(), baseUrl());

        header().signOut();

        assertThat(browser.executeScript(STORED_KEY)).isNull();
        browser.get(baseUrl() + "/settings");
        waitUp().until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void theThemeToggleOnTheHeaderIsRememberedOnTheNextPage() {
        signIn();
        String before = (String) browser.executeScript("return document.documentElement.getAttribute('theme')");
        String other = "dark".equals(before) ? "light" : "dark";

        header().click("theme-toggle");
        browser.get(baseUrl() + "/settings");

        waitUp().until(driver ->
                other.equals(browser.executeScript("return document.documentElement.getAttribute('theme')")));
        header().click("theme-toggle");
        assertThat(browser.executeScript("return document.documentElement.getAttribute('theme')"))
                .isEqualTo(before);
    }

    @Test
    void aBrowserWithoutWebAssemblyGetsKeyholesOwnPageInsteadOfABrokenOne() {
        ChromeDriver old = freshBrowser();
        try {
            old.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument", Map.of("source", "delete window.WebAssembly;"));
            old.get(baseUrl() + "/login");
            WebDriverWait wait = new WebDriverWait(old, WAIT);

            var page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keyhole-unsupported")));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("This browser is too old for Keyhole");
            assertThat(old.findElements(By.tagName("keyhole-login")))
                    .allSatisfy(login -> assertThat(login.isDisplayed()).isFalse());
        } finally {
            old.quit();
        }
    }

    @Test
    void theBrowserCheckTimesTheDefaultKeyDerivation() {
        browser.get(baseUrl() + "/browser-check");
        ViewerPage.BROWSER_CHECK.waitUntilReady(browser);

        @SuppressWarnings("unchecked")
        List<Object> derivation = (List<Object>) browser.executeScript("""
                const argon = document.querySelector('keyhole-browser-check').shadowRoot
                    .querySelector('[data-testid=browser-check-argon]');
                return [argon.dataset.memLimit, argon.dataset.opsLimit, argon.textContent.trim()];""");

        System.out.printf("browser-check derivation [memLimit, opsLimit, time]: %s%n", derivation);
        assertThat(derivation).startsWith(String.valueOf(256 * 1024 * 1024), "16");
        assertThat(derivation.get(2).toString()).matches("\\d+ ms");
    }

    @Test
    void robotsTxtDisallowsEverythingAndEveryPageLoadsKeyholesIconAndLumo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> robots = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/robots.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");

        for (String path : List.of("/login", "/browser-check")) {
            browser.get(baseUrl() + path);
            String icon = (String) waitUp().until(
                            driver -> browser.executeScript("return document.querySelector('link[rel=icon]')?.href"));
            HttpResponse<String> file =
                    http.send(HttpRequest.newBuilder(URI.create(icon)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).as(icon).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
            assertThat(file.body()).startsWith("<svg");

            // Lumo's custom properties come in the bundle (KeyholeAppShell's @CssImport), not as a link.
            String lumoPrimary = (String) waitUp().until(driver -> browser.executeScript(
                    "const value = getComputedStyle(document.documentElement).getPropertyValue('--lumo-primary-color');"
                            + " return value.trim() || null;"));
            assertThat(lumoPrimary).as("Lumo's primary colour on " + path).isNotBlank();
            @SuppressWarnings("unchecked")
            List<String> stylesheets = (List<String>) browser.executeScript(
                    "return [...document.querySelectorAll('link[rel=stylesheet]')].map(link => link.href)");
            for (String stylesheet : stylesheets) {
                HttpResponse<String> css = http.send(
                        HttpRequest.newBuilder(URI.create(stylesheet)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(css.statusCode()).as(stylesheet).isEqualTo(200);
                assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
            }
        }
    }
}
