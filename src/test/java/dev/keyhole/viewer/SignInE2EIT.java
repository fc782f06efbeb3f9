package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.UnlockPage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Signing in at /login with a vault an Ente client uploaded, and the codes the dashboard then shows. The
 * tests share that vault, which none of them changes; each starts from a browser that knows nothing.
 */
class SignInE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private TestAccount account;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext server;

    @BeforeAll
    void uploadVault() {
        // Tall enough for the virtual list to render every card of this vault at once.
        browser.manage().window().setSize(new Dimension(1280, 2400));
        // Records every request the pages send (URL and body), to show that no secret is among them.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__sent = [];
                const realFetch = window.fetch;
                window.fetch = (input, init) => {
                  window.__sent.push(String(input instanceof Request ? input.url : input) + ' ' + String(init?.body ?? ''));
                  return realFetch(input, init);
                };
                const realSend = XMLHttpRequest.prototype.send, realOpen = XMLHttpRequest.prototype.open;
                XMLHttpRequest.prototype.open = function (method, url, ...rest) { this.__url = url; return realOpen.call(this, method, url, ...rest); };
                XMLHttpRequest.prototype.send = function (body) { window.__sent.push(this.__url + ' ' + String(body ?? '')); return realSend.call(this, body); };
                """));
        account = TestAccount.signUp(port, "signin");
        account.add("otpauth://totp/GitHub:alice@example.com?secret=" + SECRET + "&issuer=GitHub"
                + display("{\"tags\":[\"work\"],\"note\":\"main account\"}"));
        account.add("otpauth://totp/Google:alice@gmail.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Google&algorithm=SHA256&digits=8&period=60");
        account.add("otpauth://hotp/Bank:alice?secret=" + SECRET + "&issuer=Bank&counter=5&algorithm=SHA512&digits=7");
        account.add("otpauth://steam/Steam:gamer?secret=" + SECRET);
        account.add("otpauth://totp/Valve:gamer2?secret=" + SECRET + "&issuer=Steam");
        account.add("otpauth://totp/Zulu:pinned?secret=" + SECRET + "&issuer=Zulu" + display("{\"pinned\":true}"));
        account.add("otpauth://totp/Tiny:four?secret=" + SECRET + "&issuer=Tiny&digits=4&period=15");
        account.add("otpauth://totp/Huge:ten?secret=" + SECRET + "&issuer=Huge&digits=10&algorithm=SHA512");
        account.add("otpauth://totp/Old:trashed?secret=" + SECRET + "&issuer=Old" + display("{\"trashed\":true}"));
        account.add("otpauth://totp/Broken:bad?secret=1!&issuer=Broken");
        account.addUnreadable();
    }

    @BeforeEach
    void newVisitor() {
        forgetAll();
    }

    private CodesPage signIn() {
        return LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
    }

    @Test
    void aServerThatCannotBeReachedIsNamedAsSuch() {
        LoginPage login = LoginPage.open(browser, waitUp(), baseUrl() + "/login");
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            assertThat(login.submit(account.email, TestAccount.PASSWORD).error())
                    .startsWith("Cannot reach the server");
        } finally {
            browser.executeCdpCommand(
                    "Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    @Test
    void aWrongPasswordSaysEmailOrPasswordIsWrong() {
        String error = LoginPage.open(browser, waitUp(), baseUrl() + "/login")
                .submit(account.email, "not the password")
                .error();

        assertThat(error).isEqualTo("Email or password is wrong.");
    }

    @Test
    void anUnknownEmailGetsTheSameMessageAsAWrongPassword() {
        String error = LoginPage.open(browser, waitUp(), baseUrl() + "/login")
                .submit(unknownEmailWithWebKdf(false), "whatever")
                .error();

        assertThat(error).isEqualTo("Email or password is wrong.");
    }

    @Test
    void anUnknownEmailWhoseDecoyHasEmailVerificationAsksForTheCodeAsARealOneDoes() {
        LoginPage login = LoginPage.open(browser, waitUp(), baseUrl() + "/login")
                .submit(unknownEmailWithWebKdf(true), "whatever");

        assertThat(login.codeKind()).isEqualTo("email");
        assertThat(login.enterCode("email", "000000").error()).isEqualTo("That code is not right. Try again.");
    }

    @Test
    void signingInShowsEveryCodeAsTheJavaEngineComputesItAtTheSameInstant() {
        LoginPage login =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").submit(account.email, TestAccount.PASSWORD);
        // The key derivation runs in a worker: the page keeps counting the seconds meanwhile.
        waitUp().until(driver -> login.progress().contains(" s)"));
        String progress = login.progress();
        waitUp().until(driver ->
                login.progress().contains(" s)") && !login.progress().equals(progress));
        CodesPage codes = CodesPage.waitForCodes(browser, waitUp());

        assertThat(browser.getCurrentUrl()).endsWith("/codes");
        List<OtpCode> expected = account.uris().values().stream()
                .map(CodesAssert::parse)
                .filter(code -> !code.display().trashed() && code.error() == null)
                .sorted(Comparator.comparing((OtpCode code) -> !code.display().pinned())
                        .thenComparing(OtpCode::issuer, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(OtpCode::account, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<CodesPage.Card> cards = codes.cards();
        // Unreadable entries are listed (after the readable ones, which have issuers), never dropped.
        assertThat(cards).filteredOn(card -> card.type().equals("unreadable")).hasSize(1);
        assertThat(cards)
                .filteredOn(card -> card.issuer().equals("Broken"))
                .singleElement()
                .extracting(CodesPage.Card::type)
                .isEqualTo("totp");
        assertThat(cards)
                .extracting(CodesPage.Card::issuer)
                .doesNotContain("Old")
                .startsWith("Zulu");
        @SuppressWarnings("unchecked")
        List<String> sent = (List<String>) browser.executeScript("return window.__sent");
        assertThat(sent)
                .isNotEmpty()
                .noneMatch(request -> request.contains(TestAccount.PASSWORD)
                        || request.contains("correct+horse")
                        || request.contains("correct%20horse"));
        CodesAssert.everyCardMatches(
                () -> codes.cards().stream()
                        .filter(card -> !card.type().equals("unreadable")
                                && !card.issuer().equals("Broken"))
                        .toList(),
                expected,
                Instant::now);
    }

    @Test
    void aReloadOfTheSameTabShowsTheCodesWithoutAskingForThePassword() {
        signIn();

        browser.navigate().refresh();

        CodesPage codes = CodesPage.waitForCodes(browser, waitUp());
        assertThat(codes.isLocked()).isFalse();
    }

    @Test
    void afterLogoutTheTabsStoredKeyOpensNothingEvenInTheNextSession() {
        signIn();
        Object stored = browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')");
        assertThat(stored).isNotNull();

        LoginPage login = CodesPage.attach(browser, waitUp()).logOut();
        assertThat(browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')"))
                .isNull();
        login.signIn(account.email, TestAccount.PASSWORD);
        browser.executeScript("sessionStorage.setItem('keyhole.wrappedMasterKey', arguments[0])", stored);
        browser.executeScript("location.reload()");

        // The old copy was wrapped under the ended session's key: it opens nothing, so the password is asked.
        UnlockPage.waitFor(browser, waitUp());
        assertThat(browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')"))
                .isNull();
    }

    @Test
    void whenTheSessionExpiresTheStoredKeyIsUselessAndTheViewAsksToSignInAgain() {
        signIn();
        assertThat(browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')"))
                .isNotNull();

        ServerSessions.expireAll(server);
        browser.navigate().refresh();

        LoginPage.open(browser, waitUp(), browser.getCurrentUrl());
        assertThat(browser.getCurrentUrl()).contains("/login");
        Object keyStatus = browser.executeAsyncScript(
                "const done = arguments[0]; fetch('/web/session-key').then(r => done(r.status), () => done(0))");
        assertThat(keyStatus).as("the key that wrapped the stored copy is gone").isEqualTo(401L);
    }

    /**
     * An email without an account whose fake SRP attributes (stable per email) are those of a web-made
     * account, 256 MiB: the 1 GiB mobile variant would only make the test slower, not different.
     */
    /**
     * An email no account has, whose decoy attributes look like an account the browser signs in to with
     * the password: the browser's key derivation, and (with {@code emailMfa}) email verification on or off.
     * Decoys claim email verification as often as Ente's accounts have it, so the test picks its kind.
     */
    private String unknownEmailWithWebKdf(boolean emailMfa) {
        while (true) {
            String email = "nobody-" + java.util.UUID.randomUUID() + "@example.test";
            var attributes = account.client()
                    .get("/users/srp/attributes?email=" + email)
                    .body()
                    .path("attributes");
            if (attributes.path("memLimit").asLong() == 256L * 1024 * 1024
                    && attributes.path("isEmailMFAEnabled").asBoolean() == emailMfa) {
                return email;
            }
        }
    }

    private static String display(String json) {
        return "&codeDisplay=" + java.net.URLEncoder.encode(json, java.nio.charset.StandardCharsets.UTF_8);
    }
}
