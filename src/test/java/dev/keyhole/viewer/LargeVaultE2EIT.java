package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A vault of 1,000 codes: every one decrypts, only a window of them is in the DOM, and the last is reachable. */
class LargeVaultE2EIT extends ViewerBrowserCase {

    static final int CODES = 1000;
    private TestAccount account;

    @BeforeAll
    void uploadThousandCodes() {
        account = TestAccount.signUp(port, "large");
        for (int i = 0; i < CODES; i++) {
            account.add(LargeVault.uri(i));
        }
    }

    @Test
    void aThousandCodesDecryptAndTheListStaysVirtualisedToTheLastOne() {
        CodesPage codes =
                LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);

        waitUp().until(driver -> codes.codeCount() == CODES);
        assertThat(codes.script("return performance.getEntriesByName('keyhole:decrypt-worker').length"))
                .as("the vault decrypted in the worker the sign-in started")
                .isEqualTo(1L);
        assertThat(codes.cards().size()).as("cards in the DOM").isBetween(1, 100);
        assertThat(codes.cards().getFirst().issuer()).isEqualTo(LargeVault.issuer(0));

        codes.scrollToEnd(CODES - 1);

        assertThat(codes.cards()).extracting(CodesPage.Card::issuer).contains(LargeVault.issuer(CODES - 1));
        assertThat(codes.cards().size()).as("cards in the DOM").isLessThan(100);
    }
}
