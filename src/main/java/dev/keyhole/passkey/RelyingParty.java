package dev.keyhole.passkey;

import dev.keyhole.KeyholeProperties;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who Keyhole is to an authenticator: the relying-party id (the host of {@code keyhole.public-url}) and the
 * one origin browsers may sign in from. A public URL with port 0 stands for "the port the server got",
 * which tests use with a random port; it is filled in once the server is listening.
 */
@Component
public class RelyingParty {

    private final URI publicUrl;
    private volatile String origin;

    RelyingParty(KeyholeProperties properties) {
        this.publicUrl = properties.publicUrl();
        this.origin = originWithPort(publicUrl.getPort());
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (publicUrl.getPort() == 0) {
            origin = originWithPort(event.getWebServer().getPort());
        }
    }

    public String id() {
        return publicUrl.getHost();
    }

    public String origin() {
        return origin;
    }

    public String name() {
        return "Keyhole";
    }

    private String originWithPort(int port) {
        String base = publicUrl.getScheme() + "://" + publicUrl.getHost();
        return port < 0 ? base : base + ":" + port;
    }
}
