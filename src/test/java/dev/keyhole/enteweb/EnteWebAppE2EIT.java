package dev.keyhole.enteweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.Base32;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpGenerator;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.EnteWebApp;
import dev.keyhole.testing.PackagedJar;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import dev.keyhole.viewer.pages.PasskeyVerifyPage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ente's own Auth web app, built from Ente's source and served on its own port as Ente's web image
 * serves it, against {@code target/keyhole.jar} on its defaults plus the one documented origin setting,
 * with no proxy in between: every call crosses origins, every body is labelled text/plain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnteWebAppE2EIT {

    private static final String PASSWORD = "ente web app password";
    private static final String NEW_PASSWORD = "ente web app password, changed";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> CODES = List.of(
            "otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub",
            "otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&algorithm=SHA256&digits=8",
            "otpauth://totp/Slow:carol?secret=KRUGS4ZANFZSAYJAORSXG5A&issuer=Slow&period=60");

    @TempDir
    static Path home;

    private EnteWebApp app;
    private PackagedJar server;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startTheAppTheJarAndABrowser() throws Exception {
        app = EnteWebApp.listen(home);
        server = PackagedJar.start(
                home,
                "--keyhole.public-url=http://localhost:{port}",
                // The documented setting: the web app's origin. Emailed codes go to the log (no SMTP),
                // except for @example.test, whose fixed code the passkey test's sync client uses.
                "--keyhole.web-app-origins=" + app.origin(),
                "--keyhole.ott.fixed-domain=example.test",
                "--keyhole.ott.fixed-code=123456");
        app.pointAt(URI.create("http://localhost:" + server.port()));
    }

    /** A fresh profile per test: Ente's app keeps who is signed in in the origin's storage. */
    @BeforeEach
    void startABrowser() {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stopTheBrowser(org.junit.jupiter.api.TestInfo test) throws IOException {
        if (browser != null) {
            // What the app showed last, for a failure's reader: the test's temp folder is gone by then.
            Files.writeString(
                    Path.of(
                            "target",
                            "enteweb-" + test.getTestMethod().orElseThrow().getName() + ".html"),
                    "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource());
            browser.quit();
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void signUpSeeCodesReloadChangeThePasswordTurnOnTotpAndSignInWithIt() throws Exception {
        String email = "ente-web-" + UUID.randomUUID() + "@example.org";
        EnteWebPage ente = new EnteWebPage(browser, wait, app.origin());

        ente.signUp(email, PASSWORD);
        ente.enterEmailedCode(emailedCode(email));
        ente.skipRecoveryKey();
        ente.waitForCodesPage();

        EnteTestClient phone = new EnteTestClient(server.base());
        EnteTestClient.expect(phone.logIn(email, PASSWORD), 200);
        EnteVaultClient vault = new EnteVaultClient(phone).openOrCreateKey();
        CODES.forEach(vault::create);
        ente.reload();
        assertShowsTheCodes(ente);

        ente.reload();
        assertShowsTheCodes(ente);

        ente.changePassword(NEW_PASSWORD);
        assertShowsTheCodes(ente);
        ente.signOut();
        ente.signIn(email, PASSWORD);
        assertThat(ente.shown("Incorrect password or email not registered"))
                .as("the old password is refused, in Ente's words")
                .isNotBlank();
        ente.enterPassword(NEW_PASSWORD);
        assertShowsTheCodes(ente);

        String seed = ente.startTwoFactorSetup();
        long enabledAt = awaitUsableStep(Long.MIN_VALUE);
        ente.enterTwoFactorCode(totp(seed, enabledAt));
        ente.waitForCodesPage();
        ente.signOut();
        ente.signIn(email, NEW_PASSWORD);
        ente.waitForPage("/two-factor/verify");
        ente.enterTwoFactorCode(totp(seed, enabledAt));
        assertThat(ente.shown("Incorrect code"))
                .as("the code that turned TOTP on is not accepted again")
                .isNotBlank();
        // A step is accepted once: the sign-in takes a later one than the enabling did.
        ente.enterTwoFactorCode(totp(seed, awaitUsableStep(enabledAt)));
        wait.until(driver -> ente.currentUrl().endsWith("/auth") || ente.asksForPassword());
        if (ente.asksForPassword()) {
            ente.enterPassword(NEW_PASSWORD);
        }
        assertShowsTheCodes(ente);
    }

    /**
     * A time step after {@code used} that the server accepts now and for a few seconds more (it checks one
     * step either side of now): the current one, else the next; waits when {@code used} is ahead of the clock.
     */
    private static long awaitUsableStep(long used) throws InterruptedException {
        while (true) {
            long now = Instant.now().getEpochSecond();
            long current = Math.floorDiv(now, 30);
            long secondsLeft = 30 - Math.floorMod(now, 30);
            if (used <= current) {
                return used == current || secondsLeft <= 5 ? current + 1 : current;
            }
            Thread.sleep(secondsLeft * 1000 + 200);
        }
    }

    /** The code of the authenticator app that took the setup's secret, for {@code step}. */
    private static String totp(String seed, long step) {
        return OtpGenerator.hotp(Base32.decode(seed), HashAlgorithm.SHA1, step, 6);
    }

    @Test
    void signInWithThePasskeySecondFactorThroughKeyholesVerifyPage() throws Exception {
        TestAccount account = TestAccount.signUp(server.port(), "ente-web-passkey");
        account.add(CODES.getFirst());
        String keyhole = "http://localhost:" + server.port();
        VirtualAuthenticator.withoutPasskeyAutofill(browser);
        browser.get(keyhole + "/login");
        VirtualAuthenticator phone = VirtualAuthenticator.withPrf(browser);
        LoginPage.open(browser, wait, keyhole + "/login").signIn(account.email, TestAccount.PASSWORD);
        PasskeySettingsPage settings = PasskeySettingsPage.open(browser, wait, keyhole);
        settings.register("Phone");
        assertThat(settings.toggleRequirePasskey()).isEqualTo("A passkey is now required after the password.");
        long uses = phone.credentials().getFirst().signCount();
        browser.get(keyhole + "/passkeys/verify?passkeySessionID=" + UUID.randomUUID()
                + "&redirect=https%3A%2F%2Fevil.example%2Fpasskeys%2Ffinish");
        assertThat(PasskeyVerifyPage.shown(browser, wait).refusal())
                .as("an origin that is not listed gets no sign-in")
                .contains("https://evil.example", "keyhole.web-app-origins");
        EnteWebPage ente = new EnteWebPage(browser, wait, app.origin());

        ente.signIn(account.email, TestAccount.PASSWORD);
        String back = PasskeyVerifyPage.shown(browser, wait).approveAndReturn();

        assertThat(back).startsWith(app.origin());
        assertThat(phone.credentials().getFirst().signCount())
                .as("the passkey was used")
                .isGreaterThan(uses);
        // Ente's app may ask for the password once more to open the keys it got back (as with Ente's server).
        wait.until(driver -> ente.currentUrl().endsWith("/auth") || ente.asksForPassword());
        if (ente.asksForPassword()) {
            ente.enterPassword(TestAccount.PASSWORD);
        }
        assertShowsTheCodes(ente, CODES.subList(0, 1));
    }

    /** Every code on Ente's page matches the otp engine's, read between two clock readings. */
    private void assertShowsTheCodes(EnteWebPage ente) {
        assertShowsTheCodes(ente, CODES);
    }

    private void assertShowsTheCodes(EnteWebPage ente, List<String> uris) {
        List<OtpCode> expected = uris.stream()
                .map(CodesAssert::parse)
                .sorted(Comparator.comparing(OtpCode::issuer))
                .toList();
        Instant before = Instant.now();
        List<EnteWebPage.Card> cards = ente.codes(expected.size()).stream()
                .sorted(Comparator.comparing(EnteWebPage.Card::issuer))
                .toList();
        Instant after = Instant.now();
        for (int i = 0; i < cards.size(); i++) {
            EnteWebPage.Card card = cards.get(i);
            OtpCode code = expected.get(i);
            assertThat(card.issuer()).isEqualTo(code.issuer());
            assertThat(card.account()).isEqualTo(code.account());
            assertThat(List.of(digits(card.current()), digits(card.next())))
                    .as("codes of %s", code.issuer())
                    .isIn(
                            List.of(OtpGenerator.current(code, before), OtpGenerator.next(code, before)),
                            List.of(OtpGenerator.current(code, after), OtpGenerator.next(code, after)));
        }
    }

    private static String digits(String shown) {
        return shown.replaceAll("\\s", "");
    }

    /** The code Keyhole emailed: with no SMTP server set, the jar writes it to its log, as Ente's does. */
    private String emailedCode(String email) throws IOException, InterruptedException {
        Pattern line = Pattern.compile("Verification code for " + Pattern.quote(email) + ": (\\d+)");
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Matcher found = line.matcher(Files.readString(server.log()));
            String code = null;
            while (found.find()) {
                code = found.group(1);
            }
            if (code != null) {
                return code;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no code for " + email + " in " + server.log());
    }
}
