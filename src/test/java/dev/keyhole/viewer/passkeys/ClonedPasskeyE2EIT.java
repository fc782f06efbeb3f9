package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.pages.LoginPage;
import org.junit.jupiter.api.Test;

/** A copy of a passkey taken before the original was last used carries a stale counter: it is refused. */
class ClonedPasskeyE2EIT extends PasskeyBrowserCase {

    @Test
    void aClonedCredentialWithAStaleCounterIsRefusedAfterTheOriginalWasUsed() {
        browser.get(baseUrl() + "/login");
        VirtualAuthenticator original = VirtualAuthenticator.withPrf(browser);
        signInWithPassword();
        settings().register("Phone");
        VirtualAuthenticator.Credential copiedEarly = original.credentials().getFirst();

        signOut();
        assertShowsTheAccountsCodes(
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").signInWithPasskey());
        assertThat(original.credentials().getFirst().signCount()).isGreaterThan(copiedEarly.signCount());
        LoginPage login = signOut();

        original.remove();
        VirtualAuthenticator clone = VirtualAuthenticator.withPrf(browser);
        clone.add(copiedEarly);
        String error = login.clickPasskeyLogin().error();

        assertThat(error).isEqualTo("This passkey was not accepted. It may have been removed from your account.");
        assertThat(clone.credentials().getFirst().signCount())
                .as("the clone did answer")
                .isGreaterThan(copiedEarly.signCount());
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(sessionKeyStatus()).isEqualTo(401L);
    }
}
