package dev.keyhole.viewer.pages;

import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /settings/password}: current password, new password twice, in {@code <keyhole-change-password>}. */
public final class ChangePasswordPage {

    /** Two key derivations (the current password's, then the new one's) on a busy machine. */
    private static final Duration DERIVATIONS = Duration.ofSeconds(180);

    private final WebDriver browser;
    private final ShadowForm form;

    private ChangePasswordPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.form = new ShadowForm(wait, "keyhole-change-password");
    }

    public static ChangePasswordPage attach(WebDriver browser, WebDriverWait wait) {
        return new ChangePasswordPage(browser, wait);
    }

    /** Fills in the form and submits it; does not wait for the outcome. */
    public ChangePasswordPage change(String current, String password, String again) {
        form.type("change-current", current);
        form.type("change-new", password);
        form.type("change-confirm", again);
        form.find("change-submit").click();
        return this;
    }

    /** Waits for the outcome: the confirmation, or the error, whichever comes; returns its text. */
    public String outcome() {
        WebElement done = form.find("change-done");
        WebElement error = form.find("change-error");
        new WebDriverWait(browser, DERIVATIONS)
                .until(driver -> !done.getText().isBlank() || !error.getText().isBlank());
        return done.getText().isBlank() ? error.getText() : done.getText();
    }
}
