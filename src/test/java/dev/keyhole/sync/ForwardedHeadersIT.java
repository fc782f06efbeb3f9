package dev.keyhole.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ForgedHeaders;
import dev.keyhole.testing.LoopbackClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * On the defaults no proxy is trusted: a client on loopback, the machine's own or a second address, cannot
 * choose the address its session is recorded with, nor where a redirect points, nor claim HTTPS.
 */
class ForwardedHeadersIT extends H2SyncCase {

    private LoopbackClient from(String address) {
        return new LoopbackClient(address, URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void forgedForwardedForWhenNoProxyIsTrustedThenTheSessionShowsTheRealAddress() {
        assertThat(ForgedHeaders.sessionAddress(from("127.0.0.1"), CODE, ForgedHeaders.ADDRESS))
                .isEqualTo("127.0.0.1");
        assertThat(ForgedHeaders.sessionAddress(from("127.0.0.2"), CODE, ForgedHeaders.ADDRESS))
                .isEqualTo("127.0.0.2");
    }

    @Test
    void forgedHostWhenNoProxyIsTrustedThenTheLoginRedirectIsRelative() {
        for (String address : new String[] {"127.0.0.1", "127.0.0.2"}) {
            LoopbackClient.Response redirect = ForgedHeaders.dashboardWithoutSession(from(address), ForgedHeaders.HOST);
            LoopbackClient.Response http10 =
                    ForgedHeaders.dashboardWithoutSession(from(address).http10(), ForgedHeaders.HOST);

            assertThat(redirect.header("Location")).containsExactly("/login");
            assertThat(http10.header("Location")).containsExactly("/login");
        }
    }

    @Test
    void forgedHttpsWhenNoProxyIsTrustedThenTheRequestIsNotSecure() {
        // Spring Security sends HSTS only on a secure request, so its absence shows the claim was ignored.
        LoopbackClient.Response page = from("127.0.0.2").get("/login", ForgedHeaders.HOST);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).isEmpty();
    }
}
