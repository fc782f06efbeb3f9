package dev.keyhole.viewer.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /settings}: the auto-lock delay and the display preferences in {@code <keyhole-settings>}. */
public final class SettingsPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    private SettingsPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    public static SettingsPage open(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/settings");
        return new SettingsPage(browser, wait);
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

    /**
     * Picks a language ("" for the browser's own) and waits for the reload that redraws the page
     * in it, which shows in the picker's {@code data-current}.
     */
    public void chooseLanguage(String value, String expectedLanguage) {
        WebElement choice = find("language-choice");
        wait.until(driver -> choice.isEnabled());
        // Set and announced from a script: in headless Chromium a reload started by a WebDriver click on an
        // option left ChromeDriver waiting for the end of the next navigation, long ended.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }))",
                        choice,
                        value);
        wait.until(driver -> {
            try {
                return choice.getDomAttribute("data-current") == null;
            } catch (StaleElementReferenceException reloaded) {
                return true;
            }
        });
        wait.until(driver -> {
            try {
                return expectedLanguage.equals(find("language-choice").getDomAttribute("data-current"));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    /** The value of the language picker: "" while the browser's languages decide. */
    public String chosenLanguage() {
        return find("language-choice").getDomProperty("value");
    }

    /** The text of the first element of {@code <keyhole-settings>} (or of the passkeys inside it) that matches. */
    public String text(String selector) {
        return wait.until(driver -> {
            try {
                var root = driver.findElement(By.tagName("keyhole-settings")).getShadowRoot();
                var found = root.findElements(By.cssSelector(selector));
                if (found.isEmpty()) {
                    found = root.findElement(By.cssSelector("keyhole-passkeys"))
                            .getShadowRoot()
                            .findElements(By.cssSelector(selector));
                }
                return found.isEmpty() || found.getFirst().getText().isBlank()
                        ? null
                        : found.getFirst().getText();
            } catch (StaleElementReferenceException reloading) {
                return null;
            }
        });
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
