package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.SignUpPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/** A server closed to strangers offers no sign-up on /login, and /signup says so instead of a form. */
@TestPropertySource(properties = "keyhole.registration.enabled=false")
class ClosedRegistrationE2EIT extends ViewerBrowserCase {

    @Test
    void theLoginPageOffersRecoveryButNoSignUp() {
        LoginPage.open(browser, waitUp(), baseUrl() + "/login");

        var links = browser.findElement(By.tagName("keyhole-login"))
                .getShadowRoot()
                .findElements(By.cssSelector(".links a"));
        assertThat(links)
                .extracting(link -> link.getDomAttribute("data-testid"))
                .containsExactly("forgot-password");
    }

    @Test
    void theSignUpPageSaysTheServerTakesNoNewAccounts() {
        browser.get(baseUrl() + "/signup");

        SignUpPage signUp = SignUpPage.attach(browser, waitUp());
        assertThat(signUp.closedNotice()).isEqualTo("This server does not accept new accounts. Ask its administrator.");
        assertThat(browser.findElement(By.tagName("keyhole-signup"))
                        .getShadowRoot()
                        .findElements(By.cssSelector("input")))
                .isEmpty();
    }
}
