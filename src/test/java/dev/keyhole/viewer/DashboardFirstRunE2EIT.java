package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import org.junit.jupiter.api.Test;

/**
 * An account before its first import: no authenticator key, no code. The server leaves the absent key out
 * of its JSON; the dashboard must read that as "no codes yet", not as a failure.
 */
class DashboardFirstRunE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";

    @Test
    void anAccountWithoutCodesSeesHowToBringThemInAndTheFirstCodeAppearsByItself() {
        forgetAll();
        TestAccount account = TestAccount.signUpWithoutCodes(port, "first-run");
        LoginPage.open(browser, waitUp(), baseUrl() + "/login").submit(account.email, TestAccount.PASSWORD);
        CodesPage codes = CodesPage.attach(browser, waitUp());

        waitUp().until(driver -> !codes.text("first-run").isEmpty());
        assertThat(codes.text("first-run")).doesNotContain("Cannot reach the server");
        assertThat(codes.text("first-run-cli"))
                .contains("./dev cli login --server " + baseUrl())
                .contains("./dev cli import --server " + baseUrl());
        assertThat(codes.text("first-run-server")).isEqualTo(baseUrl());

        account.add("otpauth://totp/GitHub:alice?secret=" + SECRET + "&issuer=GitHub");

        // The next poll (every 10 s) brings it: no reload, no Retry.
        waitUp().until(driver -> codes.cards().size() == 1);
        assertThat(codes.cards().getFirst().issuer()).isEqualTo("GitHub");
        assertThat(codes.text("first-run")).isEmpty();
    }
}
