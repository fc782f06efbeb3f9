package dev.keyhole.viewer;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The running server's HTTP sessions, for tests that need one to end as if it timed out. */
final class ServerSessions {

    private ServerSessions() {}

    static void expireAll(ServletWebServerApplicationContext context) {
        Context webapp = (Context)
                ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        for (Session session : webapp.getManager().findSessions()) {
            session.expire();
        }
    }
}
