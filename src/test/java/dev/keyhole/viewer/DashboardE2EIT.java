package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.UnlockPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search, tags, a bookmarkable URL, new tabs and the keyboard on the dashboard. The tests share one signed-in
 * tab and a vault none of them changes; each starts on the unfiltered dashboard, reloaded.
 */
class DashboardE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private TestAccount account;
    private CodesPage codes;

    @BeforeAll
    void signIn() {
        account = TestAccount.signUp(port, "dashboard");
        account.add(uri("GitHub", "alice", "{\"tags\":[\"work\"]}"));
        account.add(uri("GitLab", "bob", "{\"tags\":[\"work\",\"ops\"]}"));
        account.add(uri("GitHub", "personal", "{\"tags\":[\"home\"],\"note\":\"the hobby account\"}"));
        account.add(uri("Bank", "carol", "{}"));
        allowClipboard(browser);
        codes = LoginPage.open(browser, waitUp(), baseUrl() + "/codes").signIn(account.email, TestAccount.PASSWORD);
    }

    /** Back to the one tab at the default size, on the dashboard without a search or a tag. */
    @BeforeEach
    void unfilteredDashboard() {
        closeOtherTabs();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(baseUrl() + "/codes");
        codes = CodesPage.waitForCodes(browser, waitUp());
        waitUp().until(driver -> codes.cards().size() == 4);
    }

    @Test
    void searchLooksThroughIssuerAccountTagsAndNoteAndKeepsTheQueryInTheUrl() {
        codes.search("github");
        waitUp().until(driver -> codes.cards().size() == 2);
        assertThat(browser.getCurrentUrl()).endsWith("/codes#q=github");

        codes.search("hobby");
        waitUp().until(driver -> accounts().equals(List.of("personal")));
        codes.search("ops");
        waitUp().until(driver -> accounts().equals(List.of("bob")));
        codes.search("");
        waitUp().until(driver -> codes.cards().size() == 4);
        assertThat(browser.getCurrentUrl()).endsWith("/codes");
    }

    @Test
    void aTagChipFiltersAndTheBackButtonUndoesIt() {
        assertThat(codes.tagChips()).containsExactly("home", "ops", "work");
        codes.search("git");
        codes.clickTag("work");
        waitUp().until(driver -> accounts().equals(List.of("alice", "bob")));
        assertThat(browser.getCurrentUrl()).endsWith("/codes#q=git&tag=work");

        browser.navigate().back();

        waitUp().until(driver -> accounts().equals(List.of("alice", "personal", "bob")));
        assertThat(browser.getCurrentUrl()).endsWith("/codes#q=git");
    }

    @Test
    void anOldQueryBookmarkOpensTheSameViewAndMovesTheQueryIntoTheFragment() {
        browser.get(baseUrl() + "/codes?q=hobby");

        waitUp().until(driver -> accounts().equals(List.of("personal")));
        assertThat(browser.getCurrentUrl()).endsWith("/codes#q=hobby");
    }

    @Test
    void theSearchTextAndTagNeverLeaveTheBrowser() {
        // Records every request the page's scripts send (XHR, fetch, beacons, WebSocket frames), from the
        // first script on: the URL and the body. The page's own load sends no fragment, by HTTP's rules.
        Object script = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__sent = [];
                const record = (...parts) => window.__sent.push(parts.map(String).join(' '));
                const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.open = function (method, url, ...rest) { this.__url = url; return open.call(this, method, url, ...rest); };
                XMLHttpRequest.prototype.send = function (body) { record(this.__url, body ?? ''); return send.call(this, body); };
                const fetchAnything = window.fetch;
                window.fetch = (input, init) => { record(input instanceof Request ? input.url : input, init?.body ?? ''); return fetchAnything(input, init); };
                const beacon = navigator.sendBeacon?.bind(navigator);
                if (beacon) navigator.sendBeacon = (url, data) => { record(url, data ?? ''); return beacon(url, data); };
                const frame = WebSocket.prototype.send;
                WebSocket.prototype.send = function (data) { record(this.url, data); return frame.call(this, data); };
                """));
        try {
            browser.get(baseUrl() + "/codes#q=hobby&tag=home");
            browser.navigate().refresh();
            CodesPage page = CodesPage.waitForCodes(browser, waitUp());
            waitUp().until(driver -> accounts().equals(List.of("personal")));
            page.search("persona");
            page.clickTag("home");
            waitUp().until(driver -> browser.getCurrentUrl().endsWith("/codes#q=persona"));
            browser.navigate().back();
            waitUp().until(driver -> browser.getCurrentUrl().endsWith("/codes#q=persona&tag=home"));

            @SuppressWarnings("unchecked")
            List<String> sent = (List<String>) browser.executeScript("return window.__sent");
            assertThat(sent).as("requests the page sent").isNotEmpty();
            assertThat(sent).noneMatch(request -> request.contains("hobby") || request.contains("persona"));
        } finally {
            browser.executeCdpCommand(
                    "Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", ((Map<?, ?>) script).get("identifier")));
        }
    }

    @Test
    void aNewTabAsksToUnlockAndShowsTheViewOfItsUrl() {
        String originalTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(baseUrl() + "/codes#q=git&tag=ops");
            UnlockPage.waitFor(browser, waitUp()).unlock(TestAccount.PASSWORD);
            waitUp().until(driver -> accounts().equals(List.of("bob")));
            assertThat(browser.getCurrentUrl()).endsWith("/codes#q=git&tag=ops");
        } finally {
            browser.close();
            browser.switchTo().window(originalTab);
        }
    }

    @Test
    void aBookmarkOpenedInAnotherBrowserLandsOnThatViewAfterSignIn() {
        ChromeDriver other = freshBrowser();
        try {
            WebDriverWait wait = new WebDriverWait(other, WAIT);
            CodesPage there = LoginPage.open(other, wait, baseUrl() + "/codes#q=github&tag=home")
                    .signIn(account.email, TestAccount.PASSWORD);

            wait.until(driver ->
                    there.cards().stream().map(CodesPage.Card::account).toList().equals(List.of("personal")));
            wait.until(driver -> driver.getCurrentUrl().endsWith("/codes#q=github&tag=home"));
            assertThat(there.searchText()).isEqualTo("github");
        } finally {
            other.quit();
        }
    }

    @Test
    void anOldQueryBookmarkOpenedSignedOutLandsOnThatViewInTheFragmentAfterSignIn() {
        ChromeDriver other = freshBrowser();
        try {
            WebDriverWait wait = new WebDriverWait(other, WAIT);
            CodesPage there = LoginPage.open(other, wait, baseUrl() + "/codes?q=hobby")
                    .signIn(account.email, TestAccount.PASSWORD);

            wait.until(driver ->
                    there.cards().stream().map(CodesPage.Card::account).toList().equals(List.of("personal")));
            wait.until(driver -> driver.getCurrentUrl().endsWith("/codes#q=hobby"));
        } finally {
            other.quit();
        }
    }

    @Test
    void slashFocusesSearchArrowsMoveAndEnterCopiesWithFeedback() {
        browser.get(baseUrl() + "/codes#q=github");
        CodesPage page = CodesPage.waitForCodes(browser, waitUp());
        waitUp().until(driver -> page.cards().size() == 2);
        page.script("document.activeElement?.blur()");

        page.press("/");
        waitUp().until(driver -> page.focused().equals("search"));
        page.press(Keys.ARROW_DOWN);
        waitUp().until(driver -> page.focused().equals("code-card#0"));
        page.press(Keys.ARROW_DOWN);
        waitUp().until(driver -> page.focused().equals("code-card#1"));
        String shownBefore = page.cards().get(1).current();
        page.press(Keys.ENTER);

        assertThat(page.copyFeedback()).startsWith("Copied");
        String copied = page.clipboard();
        // The code may have changed at a period boundary between pressing Enter and reading it back.
        assertThat(copied).isIn(shownBefore, page.cards().get(1).current());
    }

    @Test
    void clickingACardCopiesItsCode() {
        codes.search("github");
        waitUp().until(driver -> codes.cards().size() == 2);

        codes.clickCard(0);

        assertThat(codes.copyFeedback()).isEqualTo("Copied GitHub");
    }

    @Test
    void onAPhoneSizedScreenNothingOverflowsAndEveryControlHasAName() {
        browser.manage().window().setSize(new Dimension(375, 812));
        try {
            browser.get(baseUrl() + "/codes");
            CodesPage page = CodesPage.waitForCodes(browser, waitUp());

            assertThat((Boolean) page.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scrolling")
                    .isTrue();
            assertThat((List<?>) page.script("""
                    const root = document.querySelector('keyhole-codes').shadowRoot;
                    return [...root.querySelectorAll('button, input, a, [role=button]')]
                        .filter(el => !(el.getAttribute('aria-label') || el.textContent.trim()))
                        .map(el => el.outerHTML.slice(0, 80));"""))
                    .as("controls without an accessible name")
                    .isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void theThemeFollowsTheSystemUntilThePersonTogglesIt() {
        browser.executeScript("localStorage.removeItem('keyhole.theme')");
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            browser.get(baseUrl() + "/codes");
            CodesPage page = CodesPage.waitForCodes(browser, waitUp());
            assertThat(page.script("return document.documentElement.getAttribute('theme')"))
                    .isEqualTo("dark");

            page.clickTestId("theme-toggle");

            assertThat(page.script("return document.documentElement.getAttribute('theme')"))
                    .isEqualTo("light");
            browser.navigate().refresh();
            CodesPage.waitForCodes(browser, waitUp());
            assertThat(page.script("return document.documentElement.getAttribute('theme')"))
                    .isEqualTo("light");
        } finally {
            browser.executeScript("localStorage.removeItem('keyhole.theme')");
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    private List<String> accounts() {
        return new ArrayList<>(
                codes.cards().stream().map(CodesPage.Card::account).toList());
    }

    private static String uri(String issuer, String account, String display) {
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + SECRET + "&issuer=" + issuer + "&codeDisplay="
                + java.net.URLEncoder.encode(display, java.nio.charset.StandardCharsets.UTF_8);
    }
}
