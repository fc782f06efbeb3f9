package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void browserWhenCommonDesktopAndPhoneAgentsThenFamilyOnSystem() {
        assertThat(UserAgents.browser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " HeadlessChrome/131.0.0.0 Safari/537.36"))
                .isEqualTo("Chrome on Linux");
        assertThat(UserAgents.browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
                        + " Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
                .isEqualTo("Edge on Windows");
        assertThat(UserAgents.browser(
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox on macOS");
        assertThat(UserAgents.browser("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iOS");
        assertThat(UserAgents.browser("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like"
                        + " Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"))
                .isEqualTo("Chrome on Android");
    }

    @Test
    void browserWhenUnknownOrMissingThenSaysSo() {
        assertThat(UserAgents.browser("Java-http-client/25")).isEqualTo("Browser");
        assertThat(UserAgents.browser(null)).isEqualTo("Unknown browser");
        assertThat(UserAgents.browser(" ")).isEqualTo("Unknown browser");
    }
}
