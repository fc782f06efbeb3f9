package dev.keyhole.viewer;

import dev.keyhole.passkey.RelyingParty;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line that says where to open Keyhole once it is ready, and a warning when that is not where passkeys
 * work: a browser may use a passkey only on {@code keyhole.public-url}'s origin, so a server on another
 * local port than the public URL's refuses every passkey, with a message about a removed passkey. Behind a
 * reverse proxy (a public URL on another host) the local port differs on purpose, and nothing is said.
 */
@Component
class ReadyAnnouncement {

    /** {@code warning}: null when the page at {@code signIn} can use passkeys. */
    record Lines(String signIn, @Nullable String warning) {}

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final RelyingParty relyingParty;
    private volatile int port = -1;

    ReadyAnnouncement(RelyingParty relyingParty) {
        this.relyingParty = relyingParty;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        // The management server, when it has its own port, is not where people sign in.
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Lines lines = lines(relyingParty.origin(), port);
        if (lines.warning() != null) {
            log.warn("{}", lines.warning());
        }
        log.info("Keyhole is ready at {}", lines.signIn());
    }

    static Lines lines(String publicOrigin, int port) {
        URI origin = URI.create(publicOrigin);
        if (port <= 0 || !isLoopback(origin.getHost()) || portOf(origin) == port) {
            return new Lines(publicOrigin + "/login", null);
        }
        String local = origin.getScheme() + "://" + origin.getHost() + ":" + port;
        return new Lines(
                local + "/login",
                "This server listens on port " + port + ", but keyhole.public-url is " + publicOrigin
                        + ": passkeys work only there and are refused on " + local + ". To use passkeys on this"
                        + " port, start it with --keyhole.public-url=" + local + ".");
    }

    private static int portOf(URI origin) {
        if (origin.getPort() >= 0) {
            return origin.getPort();
        }
        return "https".equals(origin.getScheme()) ? 443 : 80;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: no name is looked up just to print a line.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
