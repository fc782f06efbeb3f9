package dev.keyhole.testing.browser;

import dev.keyhole.testing.ServerCase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every browser test: the application as {@link ServerCase} starts it, and one headless Chromium
 * per test class. Tests talk to the page through page objects and wait on conditions, never on time.
 * Tests of a class share that browser, so a test that needs a clean one starts with {@link #forgetAll()}.
 */
public abstract class BrowserCase extends ServerCase {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected ChromeDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected WebDriverWait waitUp() {
        return new WebDriverWait(browser, WAIT);
    }

    /**
     * Leaves the browser as a new visitor finds the server: one tab, on the login page, with no cookie and
     * nothing in this origin's storage, so no test depends on what an earlier one left behind.
     */
    protected void forgetAll() {
        closeOtherTabs();
        browser.get(baseUrl() + "/ping");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.manage().deleteAllCookies();
    }

    /** Closes every tab but the first, which an earlier test may have left in a second one, and goes there. */
    protected void closeOtherTabs() {
        String first = browser.getWindowHandles().iterator().next();
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(first)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(first);
    }
}
