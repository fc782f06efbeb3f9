package dev.keyhole.viewer.pages;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Signed-in pages scroll inside the layout's {@code main}, not the document. chromedriver's own scrolling
 * before a click moves only the document, so a button low on a long page stays under the window's edge or
 * under the sticky header and the click lands on something else ("element click intercepted").
 */
public final class InMain {

    private InMain() {}

    /** Brings the element to the middle of main, then clicks it. */
    public static void click(WebDriver browser, WebElement element) {
        scrollTo(browser, element);
        element.click();
    }

    public static void scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
