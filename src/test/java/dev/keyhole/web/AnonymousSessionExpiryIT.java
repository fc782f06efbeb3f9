package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyhole.testing.ServerCase;
import dev.keyhole.viewer.HttpViewer;
import dev.keyhole.viewer.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A session nobody signed in to lives only the short anonymous timeout (here 2 s) unless its page keeps
 * sending heartbeats; signing in gives it the configured 8 h.
 */
@TestPropertySource(
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            "keyhole.sessions.anonymous-timeout=2s"
        })
class AnonymousSessionExpiryIT extends ServerCase {

    private static final Duration ANONYMOUS_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void anAnonymousSessionWhenIdleForTheShortTimeoutThenEndsWhileASignedInOneLivesOn() throws Exception {
        TomcatSessions tomcat = TomcatSessions.of(context);
        String token = syncToken();
        Instant loaded = Instant.now();
        HttpViewer anonymous = HttpViewer.load(http, base(), "/login");
        assertThat(tomcat.maxInactiveSeconds(anonymous.sessionId())).isEqualTo(2);
        HttpViewer signedIn = HttpViewer.load(http, base(), "/login").signIn(token);

        assertThat(tomcat.maxInactiveSeconds(signedIn.sessionId())).isEqualTo(8 * 60 * 60);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !tomcat.isLive(anonymous.sessionId()));

        assertThat(Duration.between(loaded, Instant.now())).isGreaterThanOrEqualTo(ANONYMOUS_TIMEOUT);
        assertThat(anonymous.reload("/login"))
                .as("the browser gets a new session")
                .isPresent();
        assertThat(signedIn.get("/web/vault")).as("still signed in").isEqualTo(200);
        assertThat(tomcat.isLive(signedIn.sessionId())).isTrue();
    }

    @Test
    void anOpenPageWhenItSendsHeartbeatsThenKeepsItsAnonymousSessionPastTheTimeout() throws Exception {
        TomcatSessions tomcat = TomcatSessions.of(context);
        HttpViewer page = HttpViewer.load(http, base(), "/login").init("login");
        Instant deadline = Instant.now().plus(ANONYMOUS_TIMEOUT.multipliedBy(3));

        while (Instant.now().isBefore(deadline)) {
            assertThat(page.heartbeat()).isEqualTo(200);
            Thread.sleep(ANONYMOUS_TIMEOUT.toMillis() / 3);
        }

        assertThat(tomcat.isLive(page.sessionId())).isTrue();
        assertThat(page.reload("/login")).as("no new session").isEmpty();
    }

    private String syncToken() {
        return TestAccount.signUp(port, "expiry").signInElsewhere(base());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
