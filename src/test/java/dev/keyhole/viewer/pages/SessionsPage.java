package dev.keyhole.viewer.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /settings/sessions}: the account's browsers and sync clients in {@code <keyhole-sessions>}. */
public final class SessionsPage {

    /** One entry as the page shows it. */
    public record Entry(String id, String client, String times, boolean current, String kind) {}

    private final WebDriver browser;
    private final WebDriverWait wait;

    private SessionsPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    public static SessionsPage open(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/settings/sessions");
        return attach(browser, wait);
    }

    /** The page once its list has loaded (at least this browser is on it). */
    public static SessionsPage attach(WebDriver browser, WebDriverWait wait) {
        SessionsPage page = new SessionsPage(browser, wait);
        wait.until(driver -> !page.items().isEmpty());
        return page;
    }

    public List<Entry> entries() {
        return items().stream()
                .map(item -> new Entry(
                        item.getDomAttribute("data-id"),
                        text(item, "session-client"),
                        text(item, "session-times"),
                        "true".equals(item.getDomAttribute("data-current")),
                        item.findElements(By.cssSelector(".meta")).getFirst().getText()))
                .toList();
    }

    /** Presses "End" on another entry and waits until the list no longer has it. */
    public void end(String id) {
        press(id);
        wait.until(driver -> entries().stream().noneMatch(entry -> entry.id().equals(id)));
    }

    /** Presses the button of an entry without waiting: this browser's own one leaves the page. */
    public void press(String id) {
        WebElement item = items().stream()
                .filter(found -> id.equals(found.getDomAttribute("data-id")))
                .findFirst()
                .orElseThrow();
        InMain.click(browser, item.findElement(By.cssSelector("[data-testid='session-end']")));
    }

    public String status() {
        return root().findElement(By.cssSelector("[data-testid='sessions-status']"))
                .getText();
    }

    private List<WebElement> items() {
        SearchContext root = root();
        return root == null ? List.of() : root.findElements(By.cssSelector("[data-testid='session-item']"));
    }

    private SearchContext root() {
        List<WebElement> hosts = browser.findElements(By.tagName("keyhole-sessions"));
        return hosts.isEmpty() ? null : hosts.getFirst().getShadowRoot();
    }

    private static String text(WebElement item, String testId) {
        return item.findElement(By.cssSelector("[data-testid='" + testId + "']"))
                .getText();
    }
}
