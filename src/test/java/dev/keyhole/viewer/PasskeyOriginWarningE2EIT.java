package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Passkeys work only on {@code keyhole.public-url}'s origin (here http://localhost:PORT). Opened on another
 * origin (the same server as http://127.0.0.1:PORT), the passkey settings say so up front, instead of letting
 * a registration fail with a message about a removed passkey.
 */
class PasskeyOriginWarningE2EIT extends ViewerBrowserCase {

    /** Sign-in derives the key in the browser at the server's floor cost: slow on a loaded machine. */
    private WebDriverWait signInWait() {
        return new WebDriverWait(browser, Duration.ofSeconds(120));
    }

    @BeforeEach
    void newVisitor() {
        forgetAll();
    }

    @Test
    void passkeySettingsOnAnotherOriginThanThePublicUrlWarnAndNameBothOrigins() {
        TestAccount account = TestAccount.signUp(port, "origin-warning");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        String elsewhere = "http://127.0.0.1:" + port;
        LoginPage.open(browser, signInWait(), elsewhere + "/login").signIn(account.email, TestAccount.PASSWORD);

        String warning = PasskeySettingsPage.open(browser, waitUp(), elsewhere).originWarning();

        assertThat(warning)
                .contains("Passkeys work only at " + baseUrl())
                .contains("this page is at " + elsewhere)
                .contains("--keyhole.public-url=" + elsewhere);
    }

    @Test
    void passkeySettingsOnThePublicUrlShowNoWarning() {
        TestAccount account = TestAccount.signUp(port, "origin-ok");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        LoginPage.open(browser, signInWait(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);

        assertThat(PasskeySettingsPage.open(browser, waitUp(), baseUrl()).originWarning())
                .isEmpty();
    }
}
