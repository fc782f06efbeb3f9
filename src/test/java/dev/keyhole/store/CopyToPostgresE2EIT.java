package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's "outgrowing H2", on {@code target/keyhole.jar}: a server on its embedded H2 gets an account, codes
 * (one deleted) through the sync API and a PRF passkey through the viewer; it is stopped, {@code keyhole.jar
 * copy-to-postgres} copies its data directory into an empty PostgreSQL database (and refuses to copy into it a
 * second time), and the jar started on PostgreSQL gives the phone the same diff with its old token, signs in
 * with the password, takes a new code, and the passkey's one click shows the right codes.
 */
class CopyToPostgresE2EIT {

    private static final String DIFF = "/authenticator/entity/diff?sinceTime=0&limit=500";
    private static final String[] TEST_SERVER = {
        "--keyhole.public-url=http://localhost:{port}",
        "--keyhole.ott.fixed-domain=example.test",
        "--keyhole.ott.fixed-code=123456"
    };

    @TempDir
    Path home;

    @Test
    void dataCopiedFromH2ServesTheSameVaultAndSignInsOnPostgres() throws Exception {
        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            TestAccount account;
            List<String> live = new ArrayList<>();
            String phoneToken;
            JsonNode diffOnH2;
            VirtualAuthenticator phone;
            try (PackagedJar h2 = PackagedJar.start(home, TEST_SERVER)) {
                account = TestAccount.signUp(h2.port(), "moving");
                live.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
                live.add("otpauth://totp/Tiny:four?secret=JBSWY3DPEHPK3PXP&issuer=Tiny&digits=4&period=15");
                live.forEach(account::add);
                UUID deleted = account.add("otpauth://totp/Old:x?secret=JBSWY3DPEHPK3PXP&issuer=Old");
                EnteTestClient.expect(new EnteVaultClient(account.client()).delete(deleted), 200);
                phoneToken = account.client().token();
                diffOnH2 =
                        EnteTestClient.expect(account.client().get(DIFF), 200).body();

                String base = "http://localhost:" + h2.port();
                VirtualAuthenticator.withoutPasskeyAutofill(browser);
                browser.get(base + "/login");
                phone = VirtualAuthenticator.withPrf(browser);
                LoginPage.open(browser, wait, base + "/login").signIn(account.email, TestAccount.PASSWORD);
                assertThat(PasskeySettingsPage.open(browser, wait, base).register("Phone"))
                        .contains("unlocks your vault");
                browser.get(base + "/codes");
                CodesPage.waitForCodes(browser, wait).logOut();
            }

            String postgres = TestDatabases.newPostgresDatabase();
            Command copied = copy(postgres);
            assertThat(copied.exit()).as(copied.output()).isZero();
            assertThat(copied.output()).contains("Copied 1 accounts and 3 codes");
            Command again = copy(postgres);
            assertThat(again.exit()).as(again.output()).isEqualTo(1);
            assertThat(again.output()).contains("The target database is not empty");

            try (PackagedJar onPostgres = PackagedJar.start(home, List.of(), onPostgres(postgres))) {
                EnteTestClient oldPhone = new EnteTestClient(onPostgres.base());
                oldPhone.useToken(phoneToken);
                JsonNode diffOnPostgres =
                        EnteTestClient.expect(oldPhone.get(DIFF), 200).body();
                assertThat(diffOnPostgres.path("diff")).isEqualTo(diffOnH2.path("diff"));
                assertThat(diffOnPostgres.path("diff")).hasSize(3);

                EnteTestClient laptop = new EnteTestClient(onPostgres.base());
                EnteTestClient.expect(laptop.logIn(account.email, TestAccount.PASSWORD), 200);
                String added = "otpauth://totp/New:after?secret=JBSWY3DPEHPK3PXP&issuer=New";
                new EnteVaultClient(laptop).openOrCreateKey().create(added);
                live.add(added);

                String base = "http://localhost:" + onPostgres.port();
                CodesPage codes = LoginPage.open(browser, wait, base + "/login").signInWithPasskey();
                List<OtpCode> expected = live.stream()
                        .map(CodesAssert::parse)
                        .sorted(Comparator.comparing(OtpCode::issuer))
                        .toList();
                wait.until(driver -> codes.cards().size() == expected.size());
                CodesAssert.everyCardMatches(codes::cards, expected, Instant::now);
                assertThat(phone.credentials()).hasSize(1);
            }
        } finally {
            browser.quit();
        }
    }

    private String[] onPostgres(String url) {
        List<String> settings = new ArrayList<>(List.of(TEST_SERVER));
        settings.add("--spring.datasource.url=" + url);
        settings.add("--spring.datasource.username=" + TestDatabases.POSTGRES_USER);
        settings.add("--spring.datasource.password=");
        return settings.toArray(String[]::new);
    }

    record Command(int exit, String output) {}

    /** {@code java -jar keyhole.jar copy-to-postgres ...}, as a person runs it beside the stopped server. */
    private Command copy(String url) throws Exception {
        Path output = Files.createTempFile(home, "copy-", ".txt");
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                        "-jar",
                        PackagedJar.jar().toString(),
                        "copy-to-postgres",
                        "--data-dir",
                        home.resolve("data").toString(),
                        "--to",
                        url,
                        "--user",
                        TestDatabases.POSTGRES_USER)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        command.environment().put("PGPASSWORD", "");
        Process process = command.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the copy ended").isTrue();
        return new Command(process.exitValue(), Files.readString(output));
    }
}
