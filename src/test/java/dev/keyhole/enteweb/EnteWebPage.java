package dev.keyhole.enteweb;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ente's Auth web app as a person uses it, through the plain inputs of its Material UI pages (the field
 * names and pages are Ente's: web/packages/accounts and web/apps/auth in ente-io/ente).
 */
final class EnteWebPage {

    /** One code card of Ente's codes page ({@code /auth}): issuer, account and the two codes it shows. */
    record Card(String issuer, String account, String current, String next) {}

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String origin;

    EnteWebPage(WebDriver browser, WebDriverWait wait, String origin) {
        this.browser = browser;
        this.wait = wait;
        this.origin = origin;
    }

    /** Ente's sign-up form; returns once the app asks for the emailed code. */
    void signUp(String email, String password) {
        browser.get(origin + "/signup");
        type("email", email);
        type("password", password);
        type("confirmPassword", password);
        WebElement terms = field("acceptedTerms");
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", terms);
        submit();
        field("value");
    }

    /** Types the emailed code where the app asks for it. */
    void enterEmailedCode(String code) {
        type("value", code);
        submit();
    }

    /** On the recovery key page after sign-up: "do this later". */
    void skipRecoveryKey() {
        clickText("do this later");
    }

    /** Sign-in from the start page: email, then password. Returns without waiting for what follows. */
    void signIn(String email, String password) {
        browser.get(origin + "/");
        type("email", email);
        submit();
        enterPassword(password);
    }

    void enterPassword(String password) {
        type("password", password);
        submit();
    }

    /**
     * Ente's change-password page, opened while signed in (Ente's Auth web app links it from no menu; its
     * {@code /.well-known/change-password} redirect leads there): the new password twice, then back at the
     * codes once the browser has derived the new keys.
     */
    void changePassword(String newPassword) {
        browser.get(origin + "/change-password");
        type("password", newPassword);
        type("confirmPassword", newPassword);
        submit();
        wait.until(ExpectedConditions.urlToBe(origin + "/auth"));
    }

    /** Waits for {@code text} (ignoring case) to show, e.g. the error under a field; returns it as shown. */
    String shown(String text) {
        return wait.until(driver -> textOf(text.toLowerCase(java.util.Locale.ROOT)).stream()
                        .findFirst()
                        .orElse(null))
                .getText();
    }

    /**
     * Ente's two-factor setup page: "Enter the code manually" in place of the QR code; returns the base32
     * secret it then shows, for the authenticator app to compute codes from.
     */
    String startTwoFactorSetup() {
        browser.get(origin + "/two-factor/setup");
        clickText("enter the code manually");
        return wait.until(driver -> (String) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('p')].map(e => e.textContent.trim())
                  .find(text => /^[A-Z2-7]{16,}$/.test(text)) ?? null;
                """));
    }

    /** Types a 6-digit code into the six boxes of Ente's code form, which submits itself on the sixth. */
    void enterTwoFactorCode(String code) {
        By boxes = By.cssSelector("form input");
        wait.until(driver -> driver.findElements(boxes).size() == code.length());
        for (int i = 0; i < code.length(); i++) {
            browser.findElements(boxes).get(i).sendKeys(code.substring(i, i + 1));
        }
    }

    /** Waits for the page at {@code path} of the app, e.g. {@code /two-factor/verify}. */
    void waitForPage(String path) {
        wait.until(driver -> driver.getCurrentUrl().startsWith(origin + path));
    }

    /** Whether the app shows a password field now (its credentials page). */
    boolean asksForPassword() {
        return !browser.findElements(By.cssSelector("input[name='password']")).isEmpty();
    }

    /** Waits for the codes page and for exactly {@code count} cards on it, then reads them. */
    List<Card> codes(int count) {
        wait.until(ExpectedConditions.urlToBe(origin + "/auth"));
        wait.until(driver -> readCards().size() == count);
        return readCards();
    }

    /** Waits for the codes page, with its "no codes" notice or its search field. */
    void waitForCodesPage() {
        wait.until(ExpectedConditions.urlToBe(origin + "/auth"));
        wait.until(driver -> !textOf("no codes added yet").isEmpty()
                || !driver.findElements(By.id("search")).isEmpty());
    }

    void reload() {
        browser.navigate().refresh();
    }

    /** "Logout" in the codes page's overflow menu; returns once the app is back at its start page. */
    void signOut() {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("header button[aria-haspopup='true'], button[aria-haspopup='true']")))
                .click();
        clickText("logout");
        wait.until(driver -> !driver.getCurrentUrl().endsWith("/auth"));
        field("email");
    }

    String currentUrl() {
        return browser.getCurrentUrl();
    }

    /** Each card: the parent of the large code (an h3) holds issuer, account and code; its sibling the next. */
    @SuppressWarnings("unchecked")
    private List<Card> readCards() {
        List<Map<String, String>> cards = (List<Map<String, String>>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('h3')].map(code => {
                  const texts = [...code.parentElement.children].map(e => e.textContent.trim());
                  const side = [...code.parentElement.nextElementSibling?.children ?? []].map(e => e.textContent.trim());
                  return {issuer: texts[0] ?? '', account: texts[1] ?? '', current: code.textContent.trim(),
                          next: side[side.length - 1] ?? ''};
                });
                """);
        return cards.stream()
                .map(card -> new Card(card.get("issuer"), card.get("account"), card.get("current"), card.get("next")))
                .toList();
    }

    private void type(String name, String value) {
        WebElement input = field(name);
        // clear() empties the element but not React's state, which would keep what was typed before.
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
    }

    private WebElement field(String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='" + name + "']")));
    }

    private void submit() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type='submit']")))
                .click();
    }

    private void clickText(String text) {
        WebElement target =
                wait.until(driver -> textOf(text).stream().findFirst().orElse(null));
        target.click();
    }

    /** Buttons and links whose own text is {@code text}, ignoring case. */
    @SuppressWarnings("unchecked")
    private List<WebElement> textOf(String text) {
        return (List<WebElement>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('button, a, li, p, span, h1, h2, h3, h4, h5, h6')]
                  .filter(e => e.textContent.trim().toLowerCase() === arguments[0]);
                """, text);
    }
}
