package dev.keyhole.viewer.pages;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The {@code /browser-check} page: libsodium loaded in this browser, and its known-answer hook. */
public final class BrowserCheckPage {

    /**
     * The probe is the default sign-in derivation (Argon2id 256 MiB x 16): 27 s was measured on the project's
     * 2-core machine with other builds running.
     */
    public static final Duration PROBE = Duration.ofMinutes(2);

    private final WebDriver browser;
    private final WebDriverWait wait;

    private BrowserCheckPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    public static BrowserCheckPage open(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/browser-check");
        return new BrowserCheckPage(browser, wait);
    }

    /** Waits until the key-derivation probe has finished and returns the libsodium version shown. */
    public String sodiumVersionOnceReady() {
        WebElement argon = wait.until(driver -> shadowFind("browser-check-argon"));
        new WebDriverWait(browser, PROBE)
                .until(driver ->
                        argon.getText().endsWith(" ms") || argon.getText().equals("—"));
        return shadowFind("browser-check-sodium").getText();
    }

    /** Runs the page's libsodium on the given sodium.json inputs and returns its outputs. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> runKnownAnswers(Map<String, Object> inputs) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.querySelector('keyhole-browser-check').runKnownAnswers(arguments[0])
                    .then(done, error => done({error: String(error)}));
                """, inputs);
        return (Map<String, Object>) result;
    }

    private WebElement shadowFind(String testId) {
        WebElement host = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("keyhole-browser-check")));
        return host.getShadowRoot().findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }
}
