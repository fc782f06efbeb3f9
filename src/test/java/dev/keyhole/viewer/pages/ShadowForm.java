package dev.keyhole.viewer.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The inputs, buttons and messages of one client element's shadow root, found by their test ids. */
final class ShadowForm {

    private final WebDriverWait wait;
    private final String tag;

    ShadowForm(WebDriverWait wait, String tag) {
        this.wait = wait;
        this.tag = tag;
    }

    WebElement find(String testId) {
        return find(testId, wait);
    }

    WebElement find(String testId, WebDriverWait patience) {
        return patience.until(driver -> {
            List<WebElement> found = root(driver).findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    List<WebElement> all(String selector) {
        return wait.until(driver -> root(driver).findElements(By.cssSelector(selector)));
    }

    void type(String testId, String text) {
        WebElement input = find(testId);
        input.clear();
        input.sendKeys(text);
    }

    /** Waits for a message in the element of that test id and returns it. */
    String message(String testId) {
        WebElement message = find(testId);
        wait.until(driver -> !message.getText().isBlank());
        return message.getText();
    }

    /** Throws NoSuchElementException (which the wait ignores) until the page has rendered the element. */
    private SearchContext root(WebDriver driver) {
        return driver.findElement(By.tagName(tag)).getShadowRoot();
    }
}
