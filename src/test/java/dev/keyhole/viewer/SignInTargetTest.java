package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInTargetTest {

    @Test
    void aBookmarkedViewIsKeptWithItsQueryButWithoutSpringsContinueMarker() {
        assertThat(SignInTarget.of("http://localhost:8080/codes?q=github&continue&tag=work"))
                .isEqualTo("/codes?q=github&tag=work");
        assertThat(SignInTarget.of("http://localhost:8080/settings?continue")).isEqualTo("/settings");
    }

    @Test
    void withoutASavedPageTheDashboardIsNext() {
        assertThat(SignInTarget.of(null)).isEqualTo("/codes");
    }

    @Test
    void jsonEndpointsTheLoginPageAndOddPathsAreNeverTargets() {
        assertThat(SignInTarget.of("http://localhost/web/vault?sinceTime=0")).isEqualTo("/codes");
        assertThat(SignInTarget.of("http://localhost/login?error")).isEqualTo("/codes");
        assertThat(SignInTarget.of("http://localhost//evil.example/")).isEqualTo("/codes");
        assertThat(SignInTarget.of("not a url at all")).isEqualTo("/codes");
    }
}
