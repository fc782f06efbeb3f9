package dev.keyhole.viewer.export;

import dev.keyhole.viewer.pages.InMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /export}: {@code <keyhole-export>}, read and driven through its data-testid hooks. */
final class ExportPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    ExportPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Waits until the page shows its export formats (the fresh proof passed, the vault decrypted). */
    ExportPage waitUntilReady() {
        find("export-ente");
        return this;
    }

    /** Waits for the refusal the page shows without a fresh proof, and returns its text. */
    String refusal() {
        WebElement refused = find("export-refused");
        wait.until(driver -> !refused.getText().isBlank());
        return refused.getText();
    }

    boolean showsFormats() {
        return !root().findElements(By.cssSelector("[data-testid=export-ente]")).isEmpty();
    }

    /** Types the export password twice, downloads, and returns the file once the browser has written it. */
    Path downloadEnte(String password, Path downloads) {
        find("export-password").sendKeys(password);
        find("export-password-again").sendKeys(password);
        click(find("export-ente-download"));
        return downloaded(downloads, "keyhole-ente-export-");
    }

    Path downloadPlain(Path downloads) {
        click(find("export-plain-download"));
        return downloaded(downloads, "keyhole-otpauth-");
    }

    /** Shows the migration QR codes and reads each back from a screenshot, in the page's order. */
    List<String> migrationQrCodes(int expected) {
        click(find("export-migration-show"));
        wait.until(driver -> all("[data-testid=migration-qr]").size() == expected && allDrawn());
        return all("[data-testid=migration-qr]").stream().map(this::read).toList();
    }

    List<String> leftOut() {
        return all("[data-testid=migration-left-out]").stream()
                .map(WebElement::getText)
                .toList();
    }

    int singleCodes() {
        return all("[data-testid=single-code]").size();
    }

    /** Shows the QR code of the {@code index}th code of the list and reads it back. */
    String singleQrCode(int index) {
        WebElement item = wait.until(driver -> all("[data-testid=single-code]").get(index));
        click(item.findElement(By.cssSelector("[data-testid=single-qr-show]")));
        wait.until(driver -> !item.findElements(By.cssSelector("canvas")).isEmpty() && allDrawn());
        return read(item.findElement(By.cssSelector("canvas")));
    }

    private String read(WebElement canvas) {
        scrollTo(canvas);
        return QrImages.decode(canvas.getScreenshotAs(OutputType.BYTES));
    }

    private void click(WebElement element) {
        InMain.click(browser, element);
    }

    private void scrollTo(WebElement element) {
        InMain.scrollTo(browser, element);
    }

    /** A canvas is 300 px wide until a code is drawn on it: drawn ones have another size. */
    private boolean allDrawn() {
        return all("canvas").stream().allMatch(canvas -> !"300".equals(canvas.getDomProperty("width")));
    }

    private Path downloaded(Path downloads, String prefix) {
        return wait.until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                        .filter(file -> file.getFileName().toString().endsWith(".txt"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private WebElement find(String testId) {
        return wait.until(driver -> {
            List<WebElement> found = root().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private List<WebElement> all(String selector) {
        return root().findElements(By.cssSelector(selector));
    }

    private SearchContext root() {
        return browser.findElement(By.tagName("keyhole-export")).getShadowRoot();
    }
}
