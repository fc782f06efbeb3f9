package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SettingsPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The language choice on {@code /settings}: German or Dutch redraws the signed-in pages in that language,
 * the choice outlives a reload and a sign-out, and "Browser default" gives the browser's language back.
 */
class LanguageChoiceE2EIT extends ViewerBrowserCase {

    private static final String GITHUB = "otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";

    @Test
    void aChosenLanguageRedrawsTheSignedInPagesAndIsRememberedUntilTheBrowserDefaultIsChosenAgain() {
        TestAccount account = TestAccount.signUp(port, "language");
        account.add(GITHUB);
        forgetAll();
        LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
        assertThat((String) browser.executeScript("return navigator.language"))
                .as("the test browser's own language, which 'Browser default' must give back")
                .startsWith("en");

        SettingsPage settings = SettingsPage.open(browser, waitUp(), baseUrl());
        assertThat(settings.chosenLanguage()).isEmpty();
        assertThat(settings.text("h1")).isEqualTo("Settings");
        assertThat(settings.text("option[value='de']")).isEqualTo("Deutsch");

        settings.chooseLanguage("de", "de");
        assertGermanSettings(settings);
        assertThat(browser.executeScript("return localStorage.getItem('keyhole.language')"))
                .isEqualTo("de");
        assertThat(browser.manage().getCookieNamed("keyhole-language").getValue())
                .isEqualTo("de");

        CodesPage codes = openCodes();
        assertGermanCodes(codes);

        // The reloaded page itself is read: a navigation right after a reload of /codes has hung ChromeDriver
        // (its get() waited out its timeout with the page long loaded).
        browser.navigate().refresh();
        assertGermanCodes(CodesPage.waitForCodes(browser, waitUp()));

        codes.logOut().signIn(account.email, TestAccount.PASSWORD);
        assertGermanCodes(openCodes());

        settings = SettingsPage.open(browser, waitUp(), baseUrl());
        assertThat(settings.chosenLanguage()).isEqualTo("de");
        settings.chooseLanguage("nl", "nl");
        assertThat(settings.text("h1")).isEqualTo("Instellingen");
        assertThat(settings.text("[data-testid=settings-save]")).isEqualTo("Opslaan");
        assertThat(settings.text("[data-testid=passkey-register]")).isEqualTo("Een passkey registreren");
        assertThat(header("nav-settings")).isEqualTo("Instellingen");
        CodesPage dutch = openCodes();
        waitUp().until(driver -> dutch.text("sync-status").matches("\\d+ s geleden gesynchroniseerd"));
        assertThat(search().getDomAttribute("placeholder")).isEqualTo("Zoeken (druk op /)");
        assertThat(dutch.text("code-count")).isEqualTo("1 code");

        settings = SettingsPage.open(browser, waitUp(), baseUrl());
        settings.chooseLanguage("", "en");
        assertThat(settings.chosenLanguage()).isEmpty();
        assertThat(settings.text("h1")).isEqualTo("Settings");
        assertThat(header("lock-now")).isEqualTo("Lock now");
        assertThat(browser.executeScript("return localStorage.getItem('keyhole.language')"))
                .isNull();
        assertThat(browser.manage().getCookieNamed("keyhole-language")).isNull();
        CodesPage english = openCodes();
        waitUp().until(driver -> english.text("sync-status").matches("Synced \\d+ s ago"));
        assertThat(search().getDomAttribute("placeholder")).isEqualTo("Search (press /)");
    }

    private void assertGermanSettings(SettingsPage settings) {
        assertThat(settings.text("h1")).isEqualTo("Einstellungen");
        assertThat(settings.text("[data-testid=settings-save]")).isEqualTo("Speichern");
        assertThat(settings.text("[data-testid=change-password-link]")).isEqualTo("Passwort ändern");
        assertThat(settings.text("option[value='']")).isEqualTo("Wie im Browser");
        assertThat(settings.text("[data-testid=passkey-register]")).isEqualTo("Passkey registrieren");
        assertThat(settings.text("label.inline")).contains("Nach dem Passwort einen Passkey verlangen");
        assertThat(header("nav-settings")).isEqualTo("Einstellungen");
        assertThat(header("lock-now")).isEqualTo("Jetzt sperren");
        assertThat(header("logout")).isEqualTo("Abmelden");
    }

    private void assertGermanCodes(CodesPage codes) {
        waitUp().until(driver -> codes.text("sync-status").matches("Vor \\d+ s synchronisiert"));
        assertThat(codes.text("code-count")).isEqualTo("1 Code");
        assertThat(search().getDomAttribute("placeholder")).isEqualTo("Suchen (/ drücken)");
        assertThat(search().getDomAttribute("aria-label")).isEqualTo("Codes durchsuchen");
        assertThat(codes.text("code-countdown")).matches("\\d+ s");
        WebElement next = codesRoot().findElement(By.cssSelector("[data-testid=code-card] .next"));
        assertThat(next.getText()).startsWith("nächster ");
        assertThat(codesRoot()
                        .findElement(By.cssSelector("[data-testid=code-card]"))
                        .getDomAttribute("aria-roledescription"))
                .isEqualTo("Code, Eingabetaste zum Kopieren");
        assertThat(header("nav-codes")).isEqualTo("Codes");
        assertThat(header("theme-toggle")).isIn("Dunkel", "Hell");
    }

    private CodesPage openCodes() {
        browser.get(baseUrl() + "/codes");
        return CodesPage.waitForCodes(browser, waitUp());
    }

    private WebElement search() {
        return codesRoot().findElement(By.cssSelector("[data-testid=search]"));
    }

    private SearchContext codesRoot() {
        return browser.findElement(By.tagName("keyhole-codes")).getShadowRoot();
    }

    private String header(String testId) {
        return waitUp().until(driver -> {
            var hosts = driver.findElements(By.tagName("keyhole-header"));
            if (hosts.isEmpty()) {
                return null;
            }
            var found = hosts.getFirst().getShadowRoot().findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() || found.getFirst().getText().isBlank()
                    ? null
                    : found.getFirst().getText();
        });
    }
}
