package dev.keyhole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebAppOriginsTest {

    @Test
    void aListedOriginIsAllowedWhateverItsCaseAndNothingElseIs() {
        WebAppOrigins origins = new WebAppOrigins(List.of(" https://Auth.Example.org ", "http://localhost:3003", ""));

        assertThat(origins.webAppOrigins()).containsExactly("https://auth.example.org", "http://localhost:3003");
        assertThat(origins.allows("https://auth.example.org")).isTrue();
        assertThat(origins.allows("HTTP://LOCALHOST:3003")).isTrue();
        assertThat(origins.allows("http://localhost:3004")).isFalse();
        assertThat(origins.allows("https://auth.example.org.evil.example")).isFalse();
        assertThat(origins.allows("null")).isFalse();
        assertThat(origins.allows(null)).isFalse();
    }

    @Test
    void anEntryThatIsNoOriginStopsTheServerWithTheReason() {
        for (String wrong : List.of(
                "*",
                "https://auth.example.org/",
                "https://auth.example.org/passkeys",
                "auth.example.org",
                "ftp://auth.example.org",
                "https://user@auth.example.org",
                "http://localhost:80")) {
            assertThatIllegalArgumentException()
                    .as(wrong)
                    .isThrownBy(() -> new WebAppOrigins(List.of(wrong)))
                    .withMessageContaining("keyhole.web-app-origins");
        }
    }

    @Test
    void theOriginOfAUrlIsWhatABrowserSendsAsOrigin() {
        assertThat(WebAppOrigins.originOf("https://Auth.Example.org:443/passkeys/finish?x=1"))
                .isEqualTo("https://auth.example.org");
        assertThat(WebAppOrigins.originOf("http://localhost:3003/passkeys/finish"))
                .isEqualTo("http://localhost:3003");
        assertThat(WebAppOrigins.originOf("enteauth://passkey")).isNull();
        assertThat(WebAppOrigins.originOf("javascript:alert(1)")).isNull();
        assertThat(WebAppOrigins.originOf(null)).isNull();
    }
}
