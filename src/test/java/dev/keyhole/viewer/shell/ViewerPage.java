package dev.keyhole.viewer.shell;

import dev.keyhole.viewer.pages.BrowserCheckPage;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the viewer, as the accessibility scan and the header test visit them. A new page is one
 * line here: its path, whether it needs a signed-in (and unlocked) browser, and a script that is true once
 * the page shows what a person would see (its element rendered, its data loaded).
 */
enum ViewerPage {
    LOGIN("/login", Access.SIGNED_OUT, shadow("keyhole-login", "[data-testid=login-email]")),
    BROWSER_CHECK(
            "/browser-check",
            Access.SIGNED_OUT,
            "return /ms$|—/.test(document.querySelector('keyhole-browser-check')?.shadowRoot"
                    + "?.querySelector('[data-testid=browser-check-argon]')?.textContent?.trim() ?? '')"),
    PASSKEY_VERIFY(
            "/passkeys/verify?passkeySessionID=unknown", Access.SIGNED_OUT, shadow("keyhole-passkey-verify", "form p")),
    SIGN_UP(
            "/signup",
            Access.SIGNED_OUT,
            shadow("keyhole-signup", "[data-testid=signup-email], [data-testid=signup-closed]")),
    RECOVER("/recover", Access.SIGNED_OUT, shadow("keyhole-recover", "[data-testid=recover-email]")),
    CODES("/codes", Access.UNLOCKED, shadow("keyhole-codes", "[data-testid=code-card]")),
    UNLOCK("/codes", Access.LOCKED, shadow("keyhole-codes", "keyhole-unlock")),
    SETTINGS(
            "/settings",
            Access.UNLOCKED,
            "const root = document.querySelector('keyhole-settings')?.shadowRoot;"
                    + " return !!root?.querySelector('[data-testid=auto-lock-minutes]:not([disabled])')"
                    + " && !!root.querySelector('keyhole-passkeys')?.shadowRoot"
                    + "?.querySelector('li, [data-testid=passkey-none]');"),
    CHANGE_PASSWORD(
            "/settings/password", Access.UNLOCKED, shadow("keyhole-change-password", "[data-testid=change-current]")),
    SESSIONS("/settings/sessions", Access.UNLOCKED, shadow("keyhole-sessions", "[data-testid=session-item]")),
    /** Its formats once the key is there; the unlock form in a tab whose key is gone (the header test's order). */
    EXPORT("/export", Access.UNLOCKED, shadow("keyhole-export", "[data-testid=export-ente], keyhole-unlock"));

    /** What the browser must hold before the page is opened. */
    enum Access {
        SIGNED_OUT,
        /** Signed in with the master key in this tab. */
        UNLOCKED,
        /** Signed in, but the tab's key forgotten (a lock, a new tab): the page asks for the password. */
        LOCKED
    }

    final String path;
    final Access access;
    /** A script for WebDriver that returns true once the page is ready to be looked at. */
    final String ready;

    ViewerPage(String path, Access access, String ready) {
        this.path = path;
        this.access = access;
        this.ready = ready;
    }

    /**
     * Waits until the page is ready; as long as the browser check's probe may take (the default sign-in
     * derivation), a bound that costs the other pages nothing.
     */
    void waitUntilReady(JavascriptExecutor browser) {
        new WebDriverWait((WebDriver) browser, BrowserCheckPage.PROBE)
                .until(driver -> Boolean.TRUE.equals(browser.executeScript(ready)));
    }

    private static String shadow(String host, String selector) {
        return "return !!document.querySelector('" + host + "')?.shadowRoot?.querySelector('" + selector + "')";
    }
}
