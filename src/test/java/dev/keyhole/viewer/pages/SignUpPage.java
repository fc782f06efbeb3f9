package dev.keyhole.viewer.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /signup}: email and password, the emailed code, then the 24 recovery words in {@code <keyhole-signup>}. */
public final class SignUpPage {

    /** The key derivation (256 MiB × 16 in the browser) on a busy machine. */
    private static final Duration DERIVATION = Duration.ofSeconds(120);

    private final WebDriver browser;
    private final ShadowForm form;

    private SignUpPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.form = new ShadowForm(wait, "keyhole-signup");
    }

    public static SignUpPage attach(WebDriver browser, WebDriverWait wait) {
        return new SignUpPage(browser, wait);
    }

    /** Fills in the first step and submits it; does not wait for the outcome. */
    public SignUpPage submit(String email, String password, String again) {
        form.type("signup-email", email);
        form.type("signup-password", password);
        form.type("signup-confirm", again);
        form.find("signup-submit").click();
        return this;
    }

    public SignUpPage enterCode(String code) {
        form.type("signup-code", code);
        form.find("signup-submit").click();
        return this;
    }

    /** Waits for the recovery key (the keys are made and stored first) and returns its words in order. */
    public List<String> recoveryWords() {
        form.find("recovery-words", new WebDriverWait(browser, DERIVATION));
        return form.all("[data-testid='recovery-words'] li").stream()
                .map(WebElement::getText)
                .toList();
    }

    public boolean canContinue() {
        return form.find("signup-continue").isEnabled();
    }

    public void confirmSaved() {
        form.find("words-saved").click();
    }

    public void continueToCodes() {
        form.find("signup-continue").click();
    }

    public String error() {
        return form.message("signup-error");
    }

    public String closedNotice() {
        return form.message("signup-closed");
    }
}
