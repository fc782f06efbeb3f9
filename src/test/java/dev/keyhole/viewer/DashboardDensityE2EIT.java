package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * How many codes one screen shows: a grid on a laptop, compact rows on a phone, the code still the largest
 * text of its card; and the keyboard over a list longer than the screen. Sizes are the viewport's, set
 * through DevTools.
 */
class DashboardDensityE2EIT extends ViewerBrowserCase {

    private static final int CODES = 40;

    /** Cards wholly inside the viewport, and whether each one's code is its largest text. */
    private static final String MEASURE = """
            const root = document.querySelector('keyhole-codes').shadowRoot;
            const cards = [...root.querySelectorAll('[data-testid=code-card]')].filter(card => {
                if (!card.checkVisibility()) return false;
                const box = card.getBoundingClientRect();
                return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
            });
            const size = el => parseFloat(getComputedStyle(el).fontSize);
            const codeIsLargest = cards.every(card => {
                const code = card.querySelector('[data-testid=code-current]');
                const others = [...card.querySelectorAll('*')].filter(el => el !== code && !code.contains(el)
                    && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
                return others.every(el => size(el) < size(code));
            });
            const first = cards[0];
            const code = first?.querySelector('[data-testid=code-current]');
            return {visible: cards.length, codeIsLargest,
                cardHeight: first ? Math.round(first.getBoundingClientRect().height) : 0,
                codePx: code ? size(code) : 0,
                largestOtherPx: first ? Math.max(...[...first.querySelectorAll('*')].filter(el => el !== code && !code.contains(el)
                    && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(size)) : 0};
            """;

    private TestAccount account;

    @BeforeAll
    void signIn() {
        account = TestAccount.signUp(port, "density");
        for (int i = 0; i < CODES; i++) {
            account.add(LargeVault.uri(i));
        }
        LoginPage.open(browser, waitUp(), baseUrl() + "/codes").signIn(account.email, TestAccount.PASSWORD);
    }

    @Test
    void aLaptopScreenShowsAtLeastTwelveCodes() {
        Map<String, Object> figures = measureAt(1280, 800);

        assertThat(((Number) figures.get("visible")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(figures.get("codeIsLargest")).isEqualTo(true);
    }

    @Test
    void aPhoneScreenShowsAtLeastSixCodes() {
        Map<String, Object> figures = measureAt(390, 844);

        assertThat(((Number) figures.get("visible")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat(figures.get("codeIsLargest")).isEqualTo(true);
    }

    @Test
    void homeAndEndMoveTheFocusToTheFirstAndLastCodeAndEnterCopiesTheFocusedOne() {
        allowClipboard(browser);
        browser.get(baseUrl() + "/codes");
        CodesPage page = CodesPage.waitForCodes(browser, waitUp());
        waitUp().until(driver -> page.codeCount() == CODES);
        page.clickTestId("search");
        page.press(Keys.ARROW_DOWN);
        waitUp().until(driver -> page.focused().equals("code-card#0"));

        page.press(Keys.END);
        waitUp().until(driver -> page.focused().equals("code-card#" + (CODES - 1)));
        String lastBefore = currentCode(page, CODES - 1);
        page.press(Keys.ENTER);
        waitUp().until(driver -> page.copyFeedback().equals("Copied " + LargeVault.issuer(CODES - 1)));
        // Either side of a period boundary that may fall between pressing Enter and reading the clipboard.
        assertThat(page.clipboard()).isIn(lastBefore, currentCode(page, CODES - 1));

        page.press(Keys.HOME);
        waitUp().until(driver -> page.focused().equals("code-card#0"));
        String firstBefore = currentCode(page, 0);
        page.press(Keys.ENTER);
        waitUp().until(driver -> page.copyFeedback().equals("Copied " + LargeVault.issuer(0)));
        assertThat(page.clipboard()).isIn(firstBefore, currentCode(page, 0));
    }

    /** The code the card of this index shows now, grouping spaces removed. */
    private static String currentCode(CodesPage page, int index) {
        return page.cards().stream()
                .filter(card -> card.issuer().equals(LargeVault.issuer(index)))
                .findFirst()
                .orElseThrow()
                .current();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measureAt(int width, int height) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            browser.get(baseUrl() + "/codes");
            CodesPage page = CodesPage.waitForCodes(browser, waitUp());
            waitUp().until(driver -> page.codeCount() == CODES);
            Map<String, Object> figures = (Map<String, Object>) page.script(MEASURE);
            System.out.printf("density %dx%d: %s%n", width, height, figures);
            assertThat(page.script("return getComputedStyle(document.documentElement)"
                            + ".getPropertyValue('--lumo-font-size-xxl')"))
                    .as("Lumo's stylesheet is loaded")
                    .asString()
                    .isNotBlank();
            return figures;
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
