package dev.keyhole.viewer;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sign-in page under the server's SRP limits (account.SrpSessions): every password tried opens a
 * sign-in session, and once ten of an account's sessions from one address within an hour were never
 * finished the server refuses new ones for that account from that address (429), however right the next
 * password is. (Another address is not affected: ratelimit.StrangerCannotLockOutTheOwnerIT.) Each test
 * has an account of its own, guessed at as far as the test needs, and a browser that knows nothing.
 */
class SignInLimitsE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void newVisitor() {
        forgetAll();
    }

    /**
     * An account someone has guessed at from a script on this machine (the browser's address), straight at
     * the API: sign-in sessions opened, never finished. Each guess in a browser would cost the same Argon2id
     * as a real sign-in.
     */
    private TestAccount guessedAt(int guesses) {
        TestAccount account = TestAccount.signUp(port, "guessed");
        for (int guess = 1; guess <= guesses; guess++) {
            openUnfinishedSignIn(account);
        }
        return account;
    }

    @Test
    void aWrongPasswordInTheBrowserIsTheTenthUnfinishedSignIn() {
        TestAccount account = guessedAt(9);

        String error = LoginPage.open(browser, waitUp(), baseUrl() + "/login")
                .submit(account.email, "not the password")
                .error();

        assertThat(error).isEqualTo("Email or password is wrong.");
    }

    @Test
    void afterTenUnfinishedSignInsEvenTheRightPasswordIsRefusedAsTooManyAttempts() {
        TestAccount account = guessedAt(10);

        LoginPage login =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").submit(account.email, TestAccount.PASSWORD);

        assertThat(login.error()).isEqualTo("Too many attempts. Try again later.");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.executeScript("return sessionStorage.getItem('keyhole.wrappedMasterKey')"))
                .isNull();
    }

    @Test
    void theLimitIsPerAccountSoAnotherAccountStillSignsIn() {
        guessedAt(10);
        TestAccount other = TestAccount.signUp(port, "other");
        other.add("otpauth://totp/GitHub:other?secret=" + SECRET + "&issuer=GitHub");

        CodesPage codes =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(other.email, TestAccount.PASSWORD);

        assertThat(codes.cards()).extracting(CodesPage.Card::account).containsExactly("other");
        codes.logOut();
    }

    /** What a password guess costs the server: a sign-in session opened with some A, never proven. */
    private static void openUnfinishedSignIn(TestAccount account) {
        String srpUserId = expect(account.client().get("/users/srp/attributes?email=" + account.email), 200)
                .body()
                .path("attributes")
                .path("srpUserID")
                .asString();
        byte[] publicA = new SrpClient(Sodium.randomBytes(16), srpUserId, Sodium.randomBytes(16)).publicA();
        expect(
                account.client()
                        .post(
                                "/users/srp/create-session",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId)
                                        .put("srpA", Base64.getEncoder().encodeToString(publicA))),
                200);
    }
}
