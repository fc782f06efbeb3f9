package dev.keyhole.viewer;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTwoFactorClient;
import dev.keyhole.sync.EnteTwoFactorClient.Authenticator;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in at /login to accounts that Ente's settings made stricter: email verification on (an emailed
 * code instead of SRP, in a code field after the password), a TOTP second factor (a code from the
 * authenticator app), and both. A wrong code asks again; the right one opens the vault.
 */
class SecondStepsE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String EMAILED = "123456";

    @Test
    void withEmailVerificationOnTheEmailedCodeSignsIn() {
        TestAccount account = accountWithACode("emailmfa");
        expect(EnteTwoFactorClient.emailMfa(account.client(), true), 200);

        CodesPage codes = inFreshBrowser(login -> {
            login.submit(account.email, TestAccount.PASSWORD);
            assertThat(login.codeKind()).isEqualTo("email");
            assertThat(login.enterCode("email", "000000").error()).isEqualTo("That code is not right. Try again.");
            login.enterCode("email", EMAILED);
        });

        assertThat(codes).isNotNull();
    }

    @Test
    void withTotpOnTheAuthenticatorCodeSignsIn() {
        TestAccount account = accountWithACode("totp");
        Authenticator app = EnteTwoFactorClient.turnOn(account.client(), Clock.systemUTC());

        CodesPage codes = inFreshBrowser(login -> {
            login.submit(account.email, TestAccount.PASSWORD);
            assertThat(login.codeKind()).isEqualTo("totp");
            assertThat(login.enterCode("totp", wrong(app)).error()).isEqualTo("That code is not right. Try again.");
            // The code of the next step: the current one may be the one that turned TOTP on, used once already.
            login.enterCode("totp", app.codeIn(Duration.ofSeconds(30)));
        });

        assertThat(codes).isNotNull();
    }

    @Test
    void withBothTheEmailedCodeThenTheAuthenticatorCodeSignIn() {
        TestAccount account = accountWithACode("both");
        Authenticator app = EnteTwoFactorClient.turnOn(account.client(), Clock.systemUTC());
        expect(EnteTwoFactorClient.emailMfa(account.client(), true), 200);

        CodesPage codes = inFreshBrowser(login -> {
            login.submit(account.email, TestAccount.PASSWORD);
            login.enterCode("email", EMAILED);
            login.enterCode("totp", app.codeIn(Duration.ofSeconds(30)));
        });

        assertThat(codes).isNotNull();
    }

    @Test
    void aWrongPasswordWithEmailVerificationOnIsNamedAfterTheCode() {
        TestAccount account = accountWithACode("wrongpw");
        expect(EnteTwoFactorClient.emailMfa(account.client(), true), 200);
        ChromeDriver other = freshBrowser();
        try {
            LoginPage login = LoginPage.open(other, new WebDriverWait(other, WAIT), baseUrl() + "/login");
            login.submit(account.email, "not the password");

            assertThat(login.enterCode("email", EMAILED).error()).isEqualTo("The password is wrong.");
        } finally {
            other.quit();
        }
    }

    private TestAccount accountWithACode(String name) {
        TestAccount account = TestAccount.signUp(port, name);
        account.add("otpauth://totp/GitHub:" + name + "@example.com?secret=" + SECRET + "&issuer=GitHub");
        return account;
    }

    /** Runs the sign-in steps in a browser of its own and waits for the dashboard with its one code. */
    private CodesPage inFreshBrowser(java.util.function.Consumer<LoginPage> steps) {
        ChromeDriver other = freshBrowser();
        try {
            WebDriverWait wait = new WebDriverWait(other, WAIT);
            steps.accept(LoginPage.open(other, wait, baseUrl() + "/login"));
            CodesPage codes = CodesPage.waitForCodes(other, wait);
            wait.until(driver -> codes.cards().size() == 1);
            assertThat(codes.cards().getFirst().issuer()).isEqualTo("GitHub");
            return codes;
        } finally {
            other.quit();
        }
    }

    private static String wrong(Authenticator app) {
        return String.format("%06d", (Integer.parseInt(app.code()) + 500_000) % 1_000_000);
    }
}
