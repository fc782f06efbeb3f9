package dev.keyhole.viewer.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The passkeys part of {@code /settings}: {@code <keyhole-passkeys>} inside {@code <keyhole-settings>}. */
public final class PasskeySettingsPage {

    /** One listed passkey as shown. */
    public record Item(String id, String name, boolean unlocksVault, String times) {}

    private final WebDriverWait wait;

    private PasskeySettingsPage(WebDriverWait wait) {
        this.wait = wait;
    }

    /** Opens the settings and waits until the list has loaded. */
    public static PasskeySettingsPage open(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/settings");
        PasskeySettingsPage page = new PasskeySettingsPage(wait);
        wait.until(driver -> page.find("passkey-require-toggle").isEnabled());
        return page;
    }

    /** Registers a passkey under this name and returns the status line that follows. */
    public String register(String name) {
        WebElement button = find("passkey-register");
        wait.until(driver -> button.isEnabled());
        int before = items().size();
        WebElement input = find("passkey-name");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, name);
        click(button);
        wait.until(driver -> items().size() > before || !error().isEmpty());
        return outcome();
    }

    /** The warning shown when this page is not on the origin passkeys work on; empty when there is none. */
    public String originWarning() {
        var found = root().findElements(By.cssSelector("[data-testid='passkey-origin-warning']"));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    public boolean canRegister() {
        return find("passkey-register").isEnabled();
    }

    public String defaultName() {
        return find("passkey-name").getDomProperty("value");
    }

    /** The notice shown while the vault is locked in this tab, or "". */
    public String lockedNotice() {
        var found = root().findElements(By.cssSelector("[data-testid='passkey-locked']"));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    public List<Item> items() {
        return root().findElements(By.cssSelector("[data-testid='passkey-item']")).stream()
                .map(item -> new Item(
                        item.getDomAttribute("data-id"),
                        text(item, "passkey-item-name"),
                        "true".equals(item.getDomAttribute("data-unlocks-vault")),
                        text(item, "passkey-times")))
                .toList();
    }

    public void rename(String name, String newName) {
        WebElement item = item(name);
        click(item.findElement(By.cssSelector("[data-testid='passkey-rename']")));
        WebElement input = wait.until(driver -> first(item(name), "passkey-rename-input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, newName);
        click(item(name).findElement(By.cssSelector("[data-testid='passkey-rename-save']")));
        wait.until(driver -> items().stream().anyMatch(listed -> listed.name().equals(newName)));
    }

    /** Deletes with the confirmation step, and waits until the list no longer shows it. */
    public void delete(String name) {
        click(item(name).findElement(By.cssSelector("[data-testid='passkey-delete']")));
        click(wait.until(driver -> first(item(name), "passkey-delete-confirm")));
        wait.until(driver -> items().stream().noneMatch(listed -> listed.name().equals(name)));
    }

    /** The list sits at the foot of the settings page, low in the layout's scrolling main. */
    private void click(WebElement button) {
        wait.until(driver -> {
            InMain.scrollTo(driver, button);
            return true;
        });
        button.click();
    }

    public boolean requiresPasskeyAfterPassword() {
        return find("passkey-require-toggle").isSelected();
    }

    /** Clicks the policy box and returns the status or error line that follows. */
    public String toggleRequirePasskey() {
        click(find("passkey-require-toggle"));
        wait.until(driver -> !status().isEmpty() || !error().isEmpty());
        wait.until(driver -> find("passkey-require-toggle").isEnabled());
        return outcome();
    }

    public String status() {
        return find("passkey-status").getText();
    }

    public String error() {
        return find("passkey-error").getText();
    }

    private String outcome() {
        return error().isEmpty() ? status() : error();
    }

    private WebElement item(String name) {
        return wait.until(driver -> root().findElements(By.cssSelector("[data-testid='passkey-item']")).stream()
                .filter(item -> name.equals(text(item, "passkey-item-name"))
                        || !item.findElements(By.cssSelector("[data-testid='passkey-rename-input']"))
                                .isEmpty())
                .findFirst()
                .orElse(null));
    }

    private static String text(WebElement item, String testId) {
        var found = item.findElements(By.cssSelector("[data-testid='" + testId + "']"));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    private static WebElement first(SearchContext context, String testId) {
        var found = context.findElements(By.cssSelector("[data-testid='" + testId + "']"));
        return found.isEmpty() ? null : found.getFirst();
    }

    private WebElement find(String testId) {
        return wait.until(driver -> first(root(), testId));
    }

    private SearchContext root() {
        return wait.until(driver -> {
            var settings = driver.findElements(By.tagName("keyhole-settings"));
            if (settings.isEmpty()) {
                return null;
            }
            var passkeys = settings.getFirst().getShadowRoot().findElements(By.cssSelector("keyhole-passkeys"));
            return passkeys.isEmpty() ? null : passkeys.getFirst().getShadowRoot();
        });
    }
}
