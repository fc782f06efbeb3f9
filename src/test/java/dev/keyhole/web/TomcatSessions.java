package dev.keyhole.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The running server's own view of its HTTP sessions, to check what a client cannot see. */
record TomcatSessions(Manager manager) {

    static TomcatSessions of(ServletWebServerApplicationContext context) {
        Context webapp = (Context)
                ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        return new TomcatSessions(webapp.getManager());
    }

    /** The live session with this id; asking also ends it if its max-inactive interval has passed. */
    Optional<Session> live(String id) {
        try {
            return Optional.ofNullable(manager.findSession(id)).filter(Session::isValid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isLive(String id) {
        return live(id).isPresent();
    }

    int maxInactiveSeconds(String id) {
        return live(id).orElseThrow().getMaxInactiveInterval();
    }
}
