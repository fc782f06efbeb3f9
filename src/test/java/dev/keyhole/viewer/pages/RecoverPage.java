package dev.keyhole.viewer.pages;

import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /recover}: email, emailed code, the 24 recovery words, a new password, in {@code <keyhole-recover>}. */
public final class RecoverPage {

    private final WebDriver browser;
    private final ShadowForm form;

    private RecoverPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.form = new ShadowForm(wait, "keyhole-recover");
    }

    public static RecoverPage attach(WebDriver browser, WebDriverWait wait) {
        return new RecoverPage(browser, wait);
    }

    public RecoverPage email(String email) {
        form.type("recover-email", email);
        form.find("recover-submit").click();
        return this;
    }

    public RecoverPage code(String code) {
        form.type("recover-code", code);
        form.find("recover-submit").click();
        return this;
    }

    public RecoverPage words(String words) {
        form.type("recover-words", words);
        form.find("recover-submit").click();
        return this;
    }

    /** Waits for the new-password step (the words opened the keys). */
    public RecoverPage newPassword(String password) {
        form.type("recover-password", password);
        form.type("recover-confirm", password);
        form.find("recover-submit").click();
        return this;
    }

    public String error() {
        return form.message("recover-error");
    }

    /** Whether the words step is still shown (after a refusal). */
    public boolean asksForWords() {
        return form.find("recover-words", new WebDriverWait(browser, Duration.ofSeconds(5)))
                .isDisplayed();
    }
}
