package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /login}: email, then password, or a passkey, in {@code <keyhole-login>}. */
public final class LoginPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    public LoginPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Opens a URL that leads to sign-in (the login page itself, or a protected page without a session). */
    public static LoginPage open(WebDriver browser, WebDriverWait wait, String url) {
        browser.get(url);
        LoginPage page = new LoginPage(browser, wait);
        page.find("login-email");
        return page;
    }

    /** Types both steps and submits; does not wait for the outcome. */
    public LoginPage submit(String email, String password) {
        find("login-email").sendKeys(email);
        find("login-submit").click();
        WebElement passwordInput = find("login-password");
        passwordInput.sendKeys(password);
        find("login-submit").click();
        return this;
    }

    /** Waits for the code field (after the password, for an emailed or TOTP code) and returns its kind. */
    public String codeKind() {
        return find("login-code").getDomAttribute("data-kind");
    }

    /** Types a code into the code field of the given kind and submits it; does not wait for the outcome. */
    public LoginPage enterCode(String kind, String code) {
        wait.until(driver -> kind.equals(codeKind()));
        WebElement input = find("login-code");
        input.sendKeys(code);
        find("login-submit").click();
        return this;
    }

    /** The one click of a passkey sign-in; does not wait for the outcome. */
    public LoginPage clickPasskeyLogin() {
        find("passkey-login").click();
        return this;
    }

    /** Signs in with the passkey button and waits for the dashboard (unlocked or asking for the password). */
    public CodesPage signInWithPasskey() {
        clickPasskeyLogin();
        wait.until(ExpectedConditions.urlContains("/codes"));
        return CodesPage.attach(browser, wait);
    }

    public boolean hasPasskeyButton() {
        return !shadowRoot()
                .findElements(By.cssSelector("[data-testid='passkey-login']"))
                .isEmpty();
    }

    /** The email field's autocomplete tokens ("username webauthn" where passkeys can be offered there). */
    public String emailAutocomplete() {
        return find("login-email").getDomAttribute("autocomplete");
    }

    /** Signs in and waits for the dashboard. */
    public CodesPage signIn(String email, String password) {
        submit(email, password);
        return CodesPage.waitForCodes(browser, wait);
    }

    /** The key-derivation indicator's text once it shows (e.g. "Deriving your key in this browser… (3 s)"), else "". */
    public String progress() {
        var found = shadowRoot().findElements(By.cssSelector("[data-testid='kdf-progress']"));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    /** Waits for an error message and returns it. */
    public String error() {
        WebElement error = find("login-error");
        wait.until(driver -> !error.getText().isBlank());
        return error.getText();
    }

    private WebElement find(String testId) {
        return wait.until(driver -> {
            SearchContext root = shadowRoot();
            var found = root.findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private SearchContext shadowRoot() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("keyhole-login")))
                .getShadowRoot();
    }
}
