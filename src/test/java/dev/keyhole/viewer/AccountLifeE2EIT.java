package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.CliRun;
import dev.keyhole.cli.CliSeeding;
import dev.keyhole.cli.keys.RecoveryWords;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.viewer.pages.ChangePasswordPage;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.RecoverPage;
import dev.keyhole.viewer.pages.SignUpPage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * An account's life in the browser, in Ente's format throughout: made on /signup (keys made in the browser,
 * the recovery key shown once as 24 words), then used by the CLI and an Ente client, recovered with those
 * words on /recover, and given a new password on /settings/password. Each test makes its own account.
 */
class AccountLifeE2EIT extends ViewerBrowserCase {

    private static final String PASSWORD = "a long browser password";
    private static final String NEW_PASSWORD = "another long password";
    private static final long MIB = 1024 * 1024;
    private static final String SECRET = "JBSWY3DPEHPK3PXP";

    @TempDir
    Path cliConfig;

    private record BrowserAccount(String email, List<String> words) {}

    @BeforeEach
    void newVisitor() {
        forgetAll();
    }

    @Test
    void anAccountMadeInTheBrowserShowsItsWordsOnceThenSignsInWithTheCliAndInTheBrowser() {
        BrowserAccount account = signUpInTheBrowser("signup");

        assertThat(account.words()).hasSize(24);
        // The words are a real BIP-39 mnemonic (its checksum holds), read as the CLI and Ente's apps read it.
        assertThat(RecoveryWords.decode(String.join(" ", account.words()))).hasSize(32);
        assertThat(browser.getCurrentUrl()).endsWith("/codes");

        EnteTestClient ente = new EnteTestClient(URI.create(baseUrl()));
        JsonNode keys = EnteTestClient.expect(ente.logIn(account.email(), PASSWORD), 200)
                .body()
                .path("keyAttributes");
        assertThat(keys.path("memLimit").asLong() * keys.path("opsLimit").asLong())
                .as("Ente's key derivation strength")
                .isEqualTo(4096 * MIB);
        assertThat(keys.path("memLimit").asLong()).isGreaterThanOrEqualTo(128 * MIB);

        CliRun cli = CliSeeding.cli(cliConfig, PASSWORD);
        CliRun login = cli.execute("login", "--server", baseUrl(), "--email", account.email());
        assertThat(login.exitCode()).as(login.err()).isZero();
        CliRun imported = cli.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", "test"))
                .execute("import", CliSeeding.sample("aegis_encrypted.json").toString());
        assertThat(imported.out()).as(imported.err()).startsWith("Added 7, skipped 0 (duplicates), failed 0\n");

        forgetAll();
        CodesPage codes =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email(), PASSWORD);
        List<OtpCode> expected = CliSeeding.sampleCodes().stream()
                .sorted(Comparator.comparing(OtpCode::issuer).thenComparing(OtpCode::account))
                .toList();
        CodesAssert.everyCardMatches(
                () -> codes.cards().stream()
                        .sorted(Comparator.comparing(CodesPage.Card::issuer).thenComparing(CodesPage.Card::account))
                        .toList(),
                expected,
                Instant::now);
    }

    @Test
    void signUpRefusesMismatchedPasswordsAndAnEmailThatHasAnAccount() {
        TestAccount existing = TestAccount.signUp(port, "taken");
        SignUpPage signUp = openSignUp();

        assertThat(signUp.submit("someone@example.test", PASSWORD, PASSWORD + "!")
                        .error())
                .isEqualTo("The two passwords are not the same.");

        SignUpPage again = openSignUp();
        again.submit(existing.email, PASSWORD, PASSWORD).enterCode(CliSeeding.FIXED_OTT);
        assertThat(again.error()).startsWith("This email already has an account.");
        assertThat(new EnteTestClient(URI.create(baseUrl()))
                        .logIn(existing.email, TestAccount.PASSWORD)
                        .status())
                .as("the existing account keeps its password")
                .isEqualTo(200);
    }

    @Test
    void forgotPasswordWithTheRecoveryWordsSetsANewPasswordAndKeepsTheCodes() {
        BrowserAccount account = signUpInTheBrowser("recover");
        EnteTestClient phone = new EnteTestClient(URI.create(baseUrl()));
        EnteTestClient.expect(phone.logIn(account.email(), PASSWORD), 200);
        new EnteVaultClient(phone)
                .openOrCreateKey()
                .create("otpauth://totp/GitHub:alice?secret=" + SECRET + "&issuer=GitHub");

        forgetAll();
        LoginPage.open(browser, waitUp(), baseUrl() + "/login");
        clickInLogin("forgot-password");
        waitUp().until(ExpectedConditions.urlContains("/recover"));
        RecoverPage recover = RecoverPage.attach(browser, waitUp());
        recover.email(account.email()).code(CliSeeding.FIXED_OTT);

        // Well-formed words (their checksum holds), but another key's.
        assertThat(recover.words(RecoveryWords.encode(new byte[32])).error())
                .isEqualTo("These words are not the recovery key of this account.");
        // As a person copies them off paper: capitals and line breaks do not matter.
        recover.words(String.join("\n", account.words()).toUpperCase()).newPassword(NEW_PASSWORD);

        CodesPage codes = CodesPage.waitForCodes(browser, derivationWait());
        assertThat(codes.cards()).extracting(CodesPage.Card::issuer).containsExactly("GitHub");
        assertThat(phone.get("/users/sessions").status())
                .as("the other device was signed out")
                .isEqualTo(401);
        EnteTestClient later = new EnteTestClient(URI.create(baseUrl()));
        assertThat(later.logIn(account.email(), PASSWORD).status()).isEqualTo(401);
        EnteTestClient.expect(later.logIn(account.email(), NEW_PASSWORD), 200);
    }

    @Test
    void anAccountMadeWithTheCliRecoversInTheBrowserWithTheWordsTheCliPrinted() {
        CliSeeding.SeededAccount seeded = CliSeeding.accountWithImportedSample(
                baseUrl(), "cli-recover-" + UUID.randomUUID() + "@example.test", cliConfig);

        browser.get(baseUrl() + "/recover");
        RecoverPage.attach(browser, waitUp())
                .email(seeded.email())
                .code(CliSeeding.FIXED_OTT)
                .words(seeded.recoveryWords())
                .newPassword(NEW_PASSWORD);

        CodesPage codes = CodesPage.waitForCodes(browser, derivationWait());
        waitUp().until(driver -> codes.cards().size() == seeded.codes().size());
        CliRun relogin = CliSeeding.cli(cliConfig.resolve("again"), NEW_PASSWORD)
                .execute("login", "--server", baseUrl(), "--email", seeded.email());
        assertThat(relogin.exitCode()).as(relogin.err()).isZero();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherDevicesButNotThisBrowser() {
        BrowserAccount account = signUpInTheBrowser("change");
        EnteTestClient phone = new EnteTestClient(URI.create(baseUrl()));
        EnteTestClient.expect(phone.logIn(account.email(), PASSWORD), 200);
        new EnteVaultClient(phone)
                .openOrCreateKey()
                .create("otpauth://totp/GitLab:bob?secret=" + SECRET + "&issuer=GitLab");

        browser.get(baseUrl() + "/settings");
        waitUp().until(driver ->
                !driver.findElements(By.tagName("keyhole-settings")).isEmpty());
        browser.findElement(By.tagName("keyhole-settings"))
                .getShadowRoot()
                .findElement(By.cssSelector("[data-testid='change-password-link']"))
                .click();
        waitUp().until(ExpectedConditions.urlContains("/settings/password"));

        ChangePasswordPage change = ChangePasswordPage.attach(browser, waitUp());
        assertThat(change.change("not my password", NEW_PASSWORD, NEW_PASSWORD).outcome())
                .isEqualTo("The current password is wrong.");
        assertThat(ChangePasswordPage.attach(browser, waitUp())
                        .change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
                        .outcome())
                .startsWith("Your password is changed.");

        assertThat(phone.get("/users/sessions").status())
                .as("the other device was signed out")
                .isEqualTo(401);
        EnteTestClient later = new EnteTestClient(URI.create(baseUrl()));
        assertThat(later.logIn(account.email(), PASSWORD).status()).isEqualTo(401);
        EnteTestClient.expect(later.logIn(account.email(), NEW_PASSWORD), 200);

        // This tab stays signed in and unlocked: the master key did not change.
        browser.get(baseUrl() + "/codes");
        assertThat(CodesPage.waitForCodes(browser, waitUp()).cards())
                .extracting(CodesPage.Card::issuer)
                .containsExactly("GitLab");

        forgetAll();
        CodesPage codes =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email(), NEW_PASSWORD);
        assertThat(codes.cards()).extracting(CodesPage.Card::issuer).containsExactly("GitLab");
    }

    /** From the login page's link to the codes: the browser is left signed in on /codes. */
    private BrowserAccount signUpInTheBrowser(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.test";
        SignUpPage signUp = openSignUp();
        signUp.submit(email, PASSWORD, PASSWORD).enterCode(CliSeeding.FIXED_OTT);
        List<String> words = signUp.recoveryWords();
        assertThat(signUp.canContinue())
                .as("continue before saying the words are saved")
                .isFalse();
        signUp.confirmSaved();
        signUp.continueToCodes();
        waitUp().until(ExpectedConditions.urlContains("/codes"));
        return new BrowserAccount(email, words);
    }

    private SignUpPage openSignUp() {
        LoginPage.open(browser, waitUp(), baseUrl() + "/login");
        clickInLogin("signup-link");
        waitUp().until(ExpectedConditions.urlContains("/signup"));
        return SignUpPage.attach(browser, waitUp());
    }

    private void clickInLogin(String testId) {
        waitUp().until(driver -> driver
                        .findElement(By.tagName("keyhole-login"))
                        .getShadowRoot()
                        .findElements(By.cssSelector("[data-testid='" + testId + "']"))
                        .stream()
                        .findFirst()
                        .orElse(null))
                .click();
    }

    private WebDriverWait derivationWait() {
        return new WebDriverWait(browser, Duration.ofSeconds(120));
    }
}
