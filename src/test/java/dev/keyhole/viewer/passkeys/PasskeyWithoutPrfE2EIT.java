package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import dev.keyhole.viewer.pages.UnlockPage;
import org.junit.jupiter.api.Test;

/** An authenticator without PRF: its passkey signs in, and the vault then opens with the password, locally. */
class PasskeyWithoutPrfE2EIT extends PasskeyBrowserCase {

    @Test
    void aPasskeyWithoutPrfSignsInAndThePasswordThenUnlocksTheVaultWithoutSignIn() {
        browser.get(baseUrl() + "/login");
        VirtualAuthenticator securityKey = VirtualAuthenticator.withoutPrf(browser);
        signInWithPassword();
        PasskeySettingsPage settings = settings();

        assertThat(settings.register("Old key")).contains("This authenticator cannot unlock the vault");
        assertThat(settings.items())
                .singleElement()
                .extracting(PasskeySettingsPage.Item::unlocksVault)
                .isEqualTo(false);
        assertThat(securityKey.credentials()).hasSize(1);

        LoginPage login = signOut();
        CodesPage codes = login.signInWithPasskey();
        UnlockPage unlock = UnlockPage.waitFor(browser, waitUp());
        assertThat(codes.isLocked()).isTrue();
        assertThat(sessionKeyStatus())
                .as("signed in: the session holds its key")
                .isEqualTo(200L);
        assertNoPasswordStep(sentFromThisPage());

        assertThat(unlock.clickPasskeyUnlock().error()).startsWith("None of your passkeys can unlock the vault");

        assertShowsTheAccountsCodes(unlock.unlock(TestAccount.PASSWORD));
        assertThat(sentFromThisPage())
                .as("unlocking is local: no SRP, no second sign-in")
                .noneMatch(request -> request.contains("/users/srp/") || request.contains("/web/session "));
    }
}
