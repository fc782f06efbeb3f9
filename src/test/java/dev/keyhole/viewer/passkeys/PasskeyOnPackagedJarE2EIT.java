package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
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

    private Process server;
    private int port;
    private ChromeDriver browser;

    @BeforeAll
    void startTheJarAndABrowser() throws Exception {
        Path jar = Path.of("target", "keyhole.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn package first").exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(
                        java.toString(),
                        "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--server.address=127.0.0.1",
                        "--server.port=" + port,
                        "--keyhole.data-dir=" + home.resolve("data"),
                        "--keyhole.public-url=http://localhost:" + port,
                        "--keyhole.ott.fixed-domain=example.test",
                        "--keyhole.ott.fixed-code=123456")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile())
                .start();
        awaitPing();
        browser = Chromium.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
            server.waitFor();
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

    private void awaitPing() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        EnteTestClient probe = new EnteTestClient(URI.create("http://127.0.0.1:" + port));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive())
                    .as("the jar exited; see %s", home.resolve("server.log"))
                    .isTrue();
            try {
                if (probe.get("/ping").status() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYetListening) {
                // The port is not open yet: poll again shortly.
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "the jar did not answer /ping within 90 s:\n" + Files.readString(home.resolve("server.log")));
    }
}
