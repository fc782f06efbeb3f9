package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The password prompt of {@code <keyhole-unlock>}, inside the dashboard: a new tab, a bookmark, or after auto-lock. */
public final class UnlockPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    UnlockPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    public static UnlockPage waitFor(WebDriver browser, WebDriverWait wait) {
        UnlockPage page = new UnlockPage(browser, wait);
        page.find("unlock-password");
        return page;
    }

    public CodesPage unlock(String password) {
        submit(password);
        return CodesPage.waitForCodes(browser, wait);
    }

    /** Unlocks with the passkey button and waits for the codes. */
    public CodesPage unlockWithPasskey() {
        clickPasskeyUnlock();
        return CodesPage.waitForCodes(browser, wait);
    }

    public UnlockPage clickPasskeyUnlock() {
        find("passkey-unlock").click();
        return this;
    }

    public UnlockPage submit(String password) {
        find("unlock-password").sendKeys(password);
        find("unlock-submit").click();
        return this;
    }

    public String error() {
        WebElement error = find("unlock-error");
        wait.until(driver -> !error.getText().isBlank());
        return error.getText();
    }

    private WebElement find(String testId) {
        return wait.until(driver -> {
            var hosts = driver.findElements(By.tagName("keyhole-codes"));
            if (hosts.isEmpty()) {
                return null;
            }
            var unlock = hosts.getFirst().getShadowRoot().findElements(By.cssSelector("keyhole-unlock"));
            if (unlock.isEmpty()) {
                return null;
            }
            SearchContext root = unlock.getFirst().getShadowRoot();
            var found = root.findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }
}
