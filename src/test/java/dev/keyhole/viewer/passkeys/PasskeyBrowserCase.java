package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.CodesAssert;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.ViewerBrowserCase;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the passkey browser tests: an account with a few codes, requests of every page recorded, and
 * passkey autofill hidden (Chromium's virtual authenticator answers an autofill request at once, as if the
 * person had picked the passkey, which would sign in before any button could be tested; one test class
 * covers autofill on purpose).
 */
abstract class PasskeyBrowserCase extends ViewerBrowserCase {

    /** The account the running test signs in to: the class's own, or one {@link #useNewAccount()} made. */
    protected TestAccount account;

    private TestAccount classAccount;

    @BeforeAll
    void accountWithCodes() {
        recordRequests();
        VirtualAuthenticator.withoutPasskeyAutofill(browser);
        classAccount = newAccountWithCodes();
    }

    @BeforeEach
    void useTheClassAccount() {
        account = classAccount;
    }

    /**
     * Gives the running test an account of its own, with the same codes, for a test that changes it
     * (registers a passkey, turns a policy on): the sign-ins and checks of this class then use it.
     */
    protected void useNewAccount() {
        account = newAccountWithCodes();
    }

    private TestAccount newAccountWithCodes() {
        TestAccount fresh = TestAccount.signUp(port, getClass().getSimpleName().toLowerCase());
        fresh.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        fresh.add(
                "otpauth://totp/Mastodon:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mastodon&digits=8&period=60");
        fresh.add("otpauth://hotp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=5");
        return fresh;
    }

    /**
     * A new authenticator with PRF in this browser's tab, as a person's phone. Any that earlier tests of
     * the class plugged in are unplugged first (turning WebAuthn emulation off removes them all), so only this
     * one answers and it holds no earlier passkey.
     */
    protected VirtualAuthenticator newPhone() {
        browser.executeCdpCommand("WebAuthn.disable", Map.of());
        return VirtualAuthenticator.withPrf(browser);
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
