package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /settings}: the auto-lock delay and the display preferences in {@code <keyhole-settings>}. */
public final class SettingsPage {

    private final WebDriverWait wait;

    private SettingsPage(WebDriverWait wait) {
        this.wait = wait;
    }

    public static SettingsPage open(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/settings");
        return new SettingsPage(wait);
    }

    public void setAutoLockMinutes(String minutes) {
        WebElement input = find("auto-lock-minutes");
        wait.until(driver -> input.isEnabled() && !input.getDomProperty("value").isEmpty());
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, minutes);
        find("settings-save").click();
        WebElement saved = find("settings-saved");
        wait.until(driver -> saved.getText().contains("Saved"));
    }

    /** Sets the display preferences (the auto-lock delay as it is) and saves them. */
    public void setDisplay(int clipboardClearSeconds, boolean hideCodes) {
        WebElement seconds = find("clipboard-clear-seconds");
        wait.until(driver ->
                seconds.isEnabled() && !seconds.getDomProperty("value").isEmpty());
        seconds.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, String.valueOf(clipboardClearSeconds));
        WebElement hide = find("hide-codes");
        if (hide.isSelected() != hideCodes) {
            hide.click();
        }
        find("settings-save").click();
        WebElement saved = find("settings-saved");
        wait.until(driver -> saved.getText().contains("Saved"));
    }

    private WebElement find(String testId) {
        return wait.until(driver -> {
            var hosts = driver.findElements(By.tagName("keyhole-settings"));
            if (hosts.isEmpty()) {
                return null;
            }
            var found = hosts.getFirst().getShadowRoot().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }
}
