package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /passkeys/verify}: where an app's sign-in is approved with a passkey, in {@code <keyhole-passkey-verify>}. */
public final class PasskeyVerifyPage {

    private final WebDriverWait wait;

    private PasskeyVerifyPage(WebDriverWait wait) {
        this.wait = wait;
    }

    public static PasskeyVerifyPage open(
            WebDriver browser, WebDriverWait wait, String baseUrl, String passkeySessionId) {
        browser.get(baseUrl + "/passkeys/verify?passkeySessionID=" + passkeySessionId);
        return new PasskeyVerifyPage(wait);
    }

    /** The page an app has sent the browser to. */
    public static PasskeyVerifyPage shown(WebDriver browser, WebDriverWait wait) {
        wait.until(driver -> driver.getCurrentUrl().contains("/passkeys/verify?"));
        return new PasskeyVerifyPage(wait);
    }

    /** Uses the passkey; the page then sends the browser back to the app, whose URL is returned. */
    public String approveAndReturn() {
        find("passkey-verify").click();
        return wait.until(driver -> {
            String url = driver.getCurrentUrl();
            return url.contains("/passkeys/verify") ? null : url;
        });
    }

    /** What the page says instead of asking for the passkey, when it refuses where the app would return. */
    public String refusal() {
        return find("passkey-verify-refused").getText();
    }

    /** Uses the passkey and returns what the page then says (approval or error). */
    public String approve() {
        find("passkey-verify").click();
        return wait.until(driver -> {
            String done = text("passkey-verify-done");
            String error = text("passkey-error");
            return done.isEmpty() && error.isEmpty() ? null : done.isEmpty() ? error : done;
        });
    }

    private String text(String testId) {
        WebElement found = first(testId);
        return found == null ? "" : found.getText();
    }

    private WebElement find(String testId) {
        return wait.until(driver -> first(testId));
    }

    private WebElement first(String testId) {
        return wait
                .until(driver -> {
                    var hosts = driver.findElements(By.tagName("keyhole-passkey-verify"));
                    return hosts.isEmpty() ? null : hosts.getFirst().getShadowRoot();
                })
                .findElements(By.cssSelector("[data-testid='" + testId + "']"))
                .stream()
                .findFirst()
                .orElse(null);
    }
}
