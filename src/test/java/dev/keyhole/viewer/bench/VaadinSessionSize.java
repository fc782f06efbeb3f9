package dev.keyhole.viewer.bench;

import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The server-side state of signed-in viewers, measured the way a session store would hold it: each live
 * VaadinSession serialised (what a session-replicating cluster copies), in bytes.
 */
final class VaadinSessionSize {

    private VaadinSessionSize() {}

    static List<Integer> ofEverySession(ServletWebServerApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        List<Integer> sizes = new ArrayList<>();
        for (Session session : webapp.getManager().findSessions()) {
            for (String name : Collections.list(session.getSession().getAttributeNames())) {
                if (session.getSession().getAttribute(name) instanceof VaadinSession vaadin) {
                    sizes.add(serialisedSize(vaadin));
                }
            }
        }
        return sizes;
    }

    private static int serialisedSize(VaadinSession session) {
        session.lock();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
            out.flush();
            return bytes.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            session.unlock();
        }
    }
}
