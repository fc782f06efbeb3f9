package dev.keyhole.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ForgedHeaders;
import dev.keyhole.testing.LoopbackClient;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A reverse proxy on 127.0.0.1 is listed in {@code keyhole.trusted-proxies}: its forwarded headers are
 * believed, the same headers from 127.0.0.2 (not listed) are not, and redirects stay relative either way.
 */
@TestPropertySource(properties = {"keyhole.trusted-proxies=127.0.0.1/32", "server.address=127.0.0.1"})
class TrustedProxyIT extends H2SyncCase {

    private static final String PROXY = "127.0.0.1";
    private static final String STRANGER = "127.0.0.2";

    private LoopbackClient from(String address) {
        return new LoopbackClient(address, URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void forwardedForFromTheTrustedProxyThenTheSessionShowsTheClientBehindIt() {
        assertThat(ForgedHeaders.sessionAddress(from(PROXY), CODE, Map.of("X-Forwarded-For", "198.51.100.4")))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void clientForgedChainAppendedToByTheProxyThenOnlyTheProxysEntryIsBelieved() {
        // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it saw.
        Map<String, String> appended = Map.of("X-Forwarded-For", "203.0.113.66, 198.51.100.4");

        assertThat(ForgedHeaders.sessionAddress(from(PROXY), CODE, appended)).isEqualTo("198.51.100.4");
    }

    @Test
    void forwardedForFromAnAddressThatIsNotListedThenItIsIgnored() {
        assertThat(ForgedHeaders.sessionAddress(from(STRANGER), CODE, ForgedHeaders.ADDRESS))
                .isEqualTo(STRANGER);
        assertThat(ForgedHeaders.sessionAddress(from(STRANGER), CODE, Map.of("X-Forwarded-For", "198.51.100.4")))
                .isEqualTo(STRANGER);
    }

    @Test
    void rfc7239ForwardedFromTheTrustedProxyThenItIsIgnored() {
        assertThat(ForgedHeaders.sessionAddress(from(PROXY), CODE, Map.of("Forwarded", "for=198.51.100.9")))
                .isEqualTo(PROXY);
    }

    @Test
    void forwardedHttpsFromTheTrustedProxyThenTheRequestIsSecureAndTheRedirectStillRelative() {
        Map<String, String> proxied = Map.of(
                "Host", "keyhole.example.org", "X-Forwarded-Host", "keyhole.example.org", "X-Forwarded-Proto", "https");

        LoopbackClient.Response redirect = ForgedHeaders.dashboardWithoutSession(from(PROXY), proxied);
        // nginx speaks HTTP/1.0 to its upstream unless configured otherwise.
        LoopbackClient.Response http10 =
                ForgedHeaders.dashboardWithoutSession(from(PROXY).http10(), proxied);
        LoopbackClient.Response page = from(PROXY).get("/login", proxied);

        assertThat(redirect.header("Location")).containsExactly("/login");
        assertThat(http10.header("Location")).containsExactly("/login");
        assertThat(page.header("Strict-Transport-Security")).isNotEmpty();
    }

    @Test
    void forwardedHttpsFromAnAddressThatIsNotListedThenTheRequestIsNotSecure() {
        LoopbackClient.Response redirect = ForgedHeaders.dashboardWithoutSession(from(STRANGER), ForgedHeaders.HOST);
        LoopbackClient.Response page = from(STRANGER).get("/login", ForgedHeaders.HOST);

        assertThat(redirect.header("Location")).containsExactly("/login");
        assertThat(page.header("Strict-Transport-Security")).isEmpty();
    }
}
