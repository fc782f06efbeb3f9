package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.PackagedJar;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "done" check of passkeys: {@code target/keyhole.jar} started as a user starts it, and headless
 * Chromium with a PRF authenticator. A person registers a passkey, signs out, and with one click on
 * /login sees the right codes, having typed nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyOnPackagedJarE2EIT {

    @TempDir
    static Path home;

    private PackagedJar server;
    private int port;
    private ChromeDriver browser;

    @BeforeAll
    void startTheJarAndABrowser() throws Exception {
        server = PackagedJar.start(
                home,
                "--keyhole.public-url=http://localhost:{port}",
                "--keyhole.ott.fixed-domain=example.test",
                "--keyhole.ott.fixed-code=123456");
        port = server.port();
        browser = Chromium.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRegisteredPasskeySignsInWithOneClickAndTheCodesAreRight() {
        TestAccount account = TestAccount.signUp(port, "jar-passkey");
        account.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        account.add("otpauth://totp/Tiny:four?secret=JBSWY3DPEHPK3PXP&issuer=Tiny&digits=4&period=15");
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        VirtualAuthenticator.withoutPasskeyAutofill(browser);
        browser.get(base + "/login");
        VirtualAuthenticator phone = VirtualAuthenticator.withPrf(browser);

        LoginPage.open(browser, wait, base + "/login").signIn(account.email, TestAccount.PASSWORD);
        assertThat(PasskeySettingsPage.open(browser, wait, base).register("Phone"))
                .contains("unlocks your vault");
        assertThat(phone.credentials()).hasSize(1);
        browser.get(base + "/codes");
        LoginPage login = CodesPage.waitForCodes(browser, wait).logOut();

        CodesPage codes = login.signInWithPasskey();

        List<OtpCode> expected = account.uris().values().stream()
                .map(CodesAssert::parse)
                .sorted(Comparator.comparing(OtpCode::issuer))
                .toList();
        wait.until(driver -> codes.cards().size() == expected.size());
        CodesAssert.everyCardMatches(codes::cards, expected, Instant::now);
        assertThat(codes.isLocked()).isFalse();
    }
}
