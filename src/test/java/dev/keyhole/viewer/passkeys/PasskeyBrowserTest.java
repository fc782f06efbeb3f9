package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.ViewerBrowserTest;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the passkey browser tests: an account with a few codes, requests of every page recorded, and
 * passkey autofill hidden (Chromium's virtual authenticator answers an autofill request at once, as if the
 * person had picked the passkey, which would sign in before any button could be tested; one test class
 * covers autofill on purpose).
 */
abstract class PasskeyBrowserTest extends ViewerBrowserTest {

    protected TestAccount account;

    @BeforeAll
    void accountWithCodes() {
        recordRequests();
        VirtualAuthenticator.withoutPasskeyAutofill(browser);
        account = TestAccount.signUp(port, getClass().getSimpleName().toLowerCase());
        account.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        account.add(
                "otpauth://totp/Mastodon:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mastodon&digits=8&period=60");
        account.add("otpauth://hotp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=5");
    }

    /** Every fetch and XHR of every page from now on, as "url body", in window.__sent. */
    protected void recordRequests() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__sent = [];
                const realFetch = window.fetch;
                window.fetch = (input, init) => {
                  window.__sent.push(String(input instanceof Request ? input.url : input) + ' ' + String(init?.body ?? ''));
                  return realFetch(input, init);
                };
                """));
    }

    @SuppressWarnings("unchecked")
    protected List<String> sentFromThisPage() {
        return (List<String>) browser.executeScript("return window.__sent ?? []");
    }

    protected CodesPage signInWithPassword() {
        return LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
    }

    /** Signs out from the dashboard (whatever page is showing), as a person would, and lands on /login. */
    protected LoginPage signOut() {
        browser.get(baseUrl() + "/codes");
        return CodesPage.waitForCodes(browser, waitUp()).logOut();
    }

    protected PasskeySettingsPage settings() {
        return PasskeySettingsPage.open(browser, waitUp(), baseUrl());
    }

    /** The dashboard shows every code of the account as the Java engine computes it at the same instant. */
    protected void assertShowsTheAccountsCodes(CodesPage codes) {
        List<OtpCode> expected = account.uris().values().stream()
                .map(CodesAssert::parse)
                .sorted(Comparator.comparing(OtpCode::issuer, String.CASE_INSENSITIVE_ORDER))
                .toList();
        waitUp().until(driver -> codes.cards().size() == expected.size());
        CodesAssert.everyCardMatches(codes::cards, expected, Instant::now);
    }

    /** HTTP status of the session-key endpoint: 200 while this browser holds a signed-in session. */
    protected long sessionKeyStatus() {
        return (Long) browser.executeAsyncScript(
                "const done = arguments[0]; fetch('/web/session-key').then(r => done(r.status), () => done(0))");
    }

    protected static void assertNoPasswordStep(List<String> sent) {
        assertThat(sent).noneMatch(request -> request.contains("/users/srp/"));
        assertThat(sent).noneMatch(request -> request.contains(TestAccount.PASSWORD));
    }
}
