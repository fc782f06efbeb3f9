package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ServerCase;
import dev.keyhole.viewer.HttpViewer;
import dev.keyhole.viewer.TestAccount;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Strangers' page loads cannot pile up sessions: one address keeps at most its cap, all addresses together
 * at most the total, the oldest anonymous session giving way; a signed-in session is never one of them.
 * Each client is its own loopback address, as separate machines would be.
 */
@TestPropertySource(
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            "keyhole.sessions.anonymous-per-address=" + AnonymousSessionCapsIT.PER_ADDRESS,
            "keyhole.sessions.anonymous-total=" + AnonymousSessionCapsIT.TOTAL
        })
class AnonymousSessionCapsIT extends ServerCase {

    static final int PER_ADDRESS = 5;
    static final int TOTAL = 12;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    AnonymousSessions anonymousSessions;

    @Test
    void pageLoadsWhenOneAddressMakesManyThenOnlyItsNewestUpToTheCapStay() throws Exception {
        HttpViewer neighbour = HttpViewer.load(client("127.0.0.3"), base(), "/login");
        HttpClient flooder = client("127.0.0.2");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Both ways a page load opens a session: the page itself, and Vaadin's init without a cookie.
            ids.add(HttpViewer.load(flooder, base(), i % 2 == 0 ? "/login" : "/?v-r=init&location=login")
                    .sessionId());
        }

        TomcatSessions tomcat = TomcatSessions.of(context);
        assertThat(ids.stream().filter(tomcat::isLive)).containsExactlyElementsOf(ids.subList(40 - PER_ADDRESS, 40));
        assertThat(tomcat.isLive(neighbour.sessionId()))
                .as("another address's session")
                .isTrue();
        assertThat(anonymousSessions.counted()).isLessThanOrEqualTo(TOTAL);
    }

    @Test
    void pageLoadsWhenManyAddressesTogetherPassTheTotalThenOnlyTheNewestOfAllStay() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int address = 1; address <= 4; address++) {
            HttpClient client = client("127.0.1." + address);
            for (int i = 0; i < PER_ADDRESS; i++) {
                ids.add(HttpViewer.load(client, base(), "/login").sessionId());
            }
        }

        TomcatSessions tomcat = TomcatSessions.of(context);
        assertThat(ids.stream().filter(tomcat::isLive)).containsExactlyElementsOf(ids.subList(20 - TOTAL, 20));
        assertThat(anonymousSessions.counted()).isEqualTo(TOTAL);
    }

    @Test
    void aSignedInSessionWhenItsAddressFloodsThenIsNeverEvictedAndKeepsTheLongTimeout() throws Exception {
        HttpClient sameMachine = client("127.0.0.4");
        HttpViewer anonymous = HttpViewer.load(sameMachine, base(), "/login");
        TomcatSessions tomcat = TomcatSessions.of(context);
        assertThat(tomcat.maxInactiveSeconds(anonymous.sessionId()))
                .as("anonymous")
                .isEqualTo(3 * 60);

        HttpViewer signedIn = anonymous.signIn(syncToken());

        assertThat(signedIn.sessionId()).as("a new id at sign-in").isNotEqualTo(anonymous.sessionId());
        assertThat(tomcat.isLive(anonymous.sessionId()))
                .as("the id before sign-in")
                .isFalse();
        assertThat(tomcat.maxInactiveSeconds(signedIn.sessionId()))
                .as("server.servlet.session.timeout")
                .isEqualTo(8 * 60 * 60);
        for (int i = 0; i < 40; i++) {
            HttpViewer.load(sameMachine, base(), "/login");
        }
        assertThat(tomcat.isLive(signedIn.sessionId())).isTrue();
        assertThat(signedIn.get("/web/vault")).isEqualTo(200);
    }

    private String syncToken() {
        return TestAccount.signUp(port, "caps").signInElsewhere(base());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static HttpClient client(String address) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(address))
                .build();
    }
}
