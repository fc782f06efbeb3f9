package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code <keyhole-header>}, above every signed-in page: Codes, Settings, theme, Lock now, Sign out. */
public final class HeaderPage {

    /** The test ids of the header's links and buttons, in their order. */
    public static final java.util.List<String> CONTROLS =
            java.util.List.of("nav-codes", "nav-settings", "nav-export", "theme-toggle", "lock-now", "logout");

    private final WebDriver browser;
    private final WebDriverWait wait;

    public HeaderPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Whether this page has the header (the signed-out pages do not). */
    public static boolean isShown(WebDriver browser) {
        return !browser.findElements(By.tagName("keyhole-header")).isEmpty();
    }

    public void click(String testId) {
        find(testId).click();
    }

    /** The test ids of the header's links and buttons, in order, and which link marks the current page. */
    public java.util.List<String> controls() {
        return root().findElements(By.cssSelector("a, button")).stream()
                .map(element -> element.getDomAttribute("data-testid")
                        + ("page".equals(element.getDomAttribute("aria-current")) ? "*" : ""))
                .toList();
    }

    public LoginPage signOut() {
        find("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        return new LoginPage(browser, wait);
    }

    WebElement find(String testId) {
        return wait.until(driver -> {
            var found = root().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private SearchContext root() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("keyhole-header")))
                .getShadowRoot();
    }
}
