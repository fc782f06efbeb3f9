package dev.keyhole.viewer.pages;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /codes}: the dashboard in {@code <keyhole-codes>}, read through its data-testid hooks. */
public final class CodesPage {

    /** One card as displayed; codes without their grouping spaces. {@code secondsRemaining} is null for HOTP. */
    public record Card(
            String issuer, String account, String type, String current, String next, Integer secondsRemaining) {}

    private static final String READ_CARDS = """
            const root = document.querySelector('keyhole-codes')?.shadowRoot;
            if (!root) return [];
            // The virtual list keeps unused rows in the DOM, hidden: only the shown ones count.
            return [...root.querySelectorAll('[data-testid=code-card]')].filter(card => card.checkVisibility())
                .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
                .map(card => ({
                    issuer: card.dataset.issuer, account: card.dataset.account, type: card.dataset.type,
                    current: card.querySelector('[data-testid=code-current]')?.textContent.replace(/\\s/g, '') ?? '',
                    next: card.querySelector('[data-testid=code-next]')?.textContent.replace(/\\s/g, '') ?? '',
                    seconds: card.querySelector('[data-seconds-remaining]')?.dataset.secondsRemaining ?? ''}));
            """;

    private final WebDriver browser;
    private final WebDriverWait wait;

    private CodesPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Waits until the dashboard shows at least one card. */
    public static CodesPage waitForCodes(WebDriver browser, WebDriverWait wait) {
        CodesPage page = new CodesPage(browser, wait);
        wait.until(driver -> !page.cards().isEmpty());
        return page;
    }

    /** The dashboard, whatever it shows (codes, the unlock form, nothing yet). */
    public static CodesPage attach(WebDriver browser, WebDriverWait wait) {
        return new CodesPage(browser, wait);
    }

    @SuppressWarnings("unchecked")
    public List<Card> cards() {
        List<Map<String, String>> raw = (List<Map<String, String>>) js().executeScript(READ_CARDS);
        return raw.stream()
                .map(card -> new Card(
                        card.get("issuer"),
                        card.get("account"),
                        card.get("type"),
                        card.get("current"),
                        card.get("next"),
                        card.get("seconds").isEmpty() ? null : Integer.valueOf(card.get("seconds"))))
                .toList();
    }

    /** How many codes the dashboard holds (the list shows only a window of them). */
    public int codeCount() {
        Object count = js().executeScript(
                        "return document.querySelector('keyhole-codes')?.shadowRoot?.querySelector('[data-testid=code-count]')?.dataset.count ?? '0'");
        return Integer.parseInt(String.valueOf(count));
    }

    public void search(String text) {
        WebElement search = find("search");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        search.sendKeys(text);
    }

    public String searchText() {
        return find("search").getDomProperty("value");
    }

    public void clickTag(String tag) {
        root().findElement(By.cssSelector("[data-testid='tag-chip'][data-tag='" + tag + "']"))
                .click();
    }

    public List<String> tagChips() {
        return root().findElements(By.cssSelector("[data-testid='tag-chip']")).stream()
                .map(chip -> chip.getDomAttribute("data-tag"))
                .toList();
    }

    /** Presses keys as a person would, on whatever has the focus. */
    public void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(keys).perform();
    }

    /** The data-testid of the focused element inside the dashboard, and its data-index if it is a card. */
    public String focused() {
        return (String) js().executeScript("""
                const active = document.querySelector('keyhole-codes')?.shadowRoot?.activeElement;
                return active ? active.dataset.testid + (active.dataset.index ? '#' + active.dataset.index : '') : '';
                """);
    }

    /** Clicks a control of the dashboard or, for the theme toggle, Lock now and Sign out, of the page's header. */
    public void clickTestId(String testId) {
        if (HeaderPage.CONTROLS.contains(testId)) {
            header().click(testId);
        } else {
            find(testId).click();
        }
    }

    /** The header above the dashboard (and every signed-in page). */
    public HeaderPage header() {
        return new HeaderPage(browser, wait);
    }

    public void clickCard(int index) {
        root().findElement(By.cssSelector("[data-testid='code-card'][data-index='" + index + "']"))
                .click();
    }

    public String copyFeedback() {
        return find("copy-feedback").getText();
    }

    public boolean isLocked() {
        return !root().findElements(By.cssSelector("keyhole-unlock")).isEmpty();
    }

    public UnlockPage unlockForm() {
        return new UnlockPage(browser, wait);
    }

    public LoginPage logOut() {
        return header().signOut();
    }

    /** The text of the element with this data-testid inside the dashboard ("" if there is none). */
    /** The element's text; "" when there is none, or when the page removed it between finding and reading. */
    public String text(String testId) {
        var found = root().findElements(By.cssSelector("[data-testid='" + testId + "']"));
        try {
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException removed) {
            return "";
        }
    }

    /** The clipboard's text, as the page reads it (the test grants the permission). */
    public String clipboard() {
        return (String)
                js().executeAsyncScript(
                                "const done = arguments[0]; navigator.clipboard.readText().then(done, () => done('<unreadable>'))");
    }

    /** Scrolls the virtual list to its end and waits until the card of that index is rendered. */
    public void scrollToEnd(int lastIndex) {
        js().executeScript("""
                const list = document.querySelector('keyhole-codes').shadowRoot.querySelector('vaadin-virtual-list');
                // The list scrolls rows of cards, as many to a row as the width allows.
                list.scrollToIndex(Math.floor(arguments[0] / Number(list.dataset.columns)));""", lastIndex);
        wait.until(driver -> !root().findElements(
                        By.cssSelector("[data-testid='code-card'][data-index='" + lastIndex + "']"))
                .isEmpty());
    }

    public Object script(String script, Object... arguments) {
        return js().executeScript(script, arguments);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private WebElement find(String testId) {
        return wait.until(driver -> {
            var found = root().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private SearchContext root() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("keyhole-codes")))
                .getShadowRoot();
    }
}
