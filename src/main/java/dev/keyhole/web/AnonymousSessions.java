package dev.keyhole.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Keeps HTTP sessions that nobody signed in to from filling the heap. Every page load of the viewer opens
 * one (Vaadin's UI state, the CSRF token), and a script that never sends the cookie back opens one per
 * request. So a new session lives only {@code keyhole.sessions.anonymous-timeout} without a request (an
 * open page's heartbeat keeps it alive), and at most {@code anonymous-per-address} of them per client and
 * {@code anonymous-total} in all are kept: the oldest beyond a cap is ended. {@link #signedIn} takes a
 * session out of all this and gives it the configured {@code server.servlet.session.timeout}.
 */
@Component
public class AnonymousSessions implements HttpSessionListener {

    /** The session's place in the ledger, set when it is admitted (ids can change; this does not). */
    private static final String LEDGER_KEY = AnonymousSessions.class.getName() + ".key";

    private static final String SIGNED_IN = AnonymousSessions.class.getName() + ".signedIn";

    private final int anonymousSeconds;
    private final AnonymousSessionLedger<HttpSession> ledger;
    private final AtomicLong nextKey = new AtomicLong();

    AnonymousSessions(SessionProperties properties) {
        this.anonymousSeconds = (int) Math.max(1, properties.anonymousTimeout().toSeconds());
        this.ledger = new AnonymousSessionLedger<>(properties.anonymousPerAddress(), properties.anonymousTotal());
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        int configured = configuredSeconds(session);
        session.setMaxInactiveInterval(configured > 0 ? Math.min(anonymousSeconds, configured) : anonymousSeconds);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    /**
     * The account behind this session proved itself: from now on it lives as long as the server's
     * configured session timeout, and no cap ever ends it.
     */
    public void signedIn(HttpSession session) {
        session.setAttribute(SIGNED_IN, Boolean.TRUE);
        forget(session);
        session.setMaxInactiveInterval(configuredSeconds(session));
    }

    /** Counts a session that {@code client} just opened, ending whatever that pushes over a cap. */
    void admit(HttpSession session, String client) {
        if (session.getAttribute(SIGNED_IN) != null || session.getAttribute(LEDGER_KEY) != null) {
            return;
        }
        long key = nextKey.incrementAndGet();
        session.setAttribute(LEDGER_KEY, key);
        for (HttpSession evicted : ledger.admit(key, session, client)) {
            end(evicted);
        }
    }

    /** Anonymous sessions counted now; for tests and the benchmark. */
    int counted() {
        return ledger.size();
    }

    private void forget(HttpSession session) {
        if (session.getAttribute(LEDGER_KEY) instanceof Long key) {
            ledger.forget(key);
        }
    }

    private static void end(HttpSession session) {
        // A sign-in that raced this eviction wins: a signed-in session is never ended here.
        try {
            if (session.getAttribute(SIGNED_IN) == null) {
                session.invalidate();
            }
        } catch (IllegalStateException alreadyEnded) {
            // It expired or logged out meanwhile: nothing left to end.
        }
    }

    /** {@code server.servlet.session.timeout}, as the container applies it to new sessions (0: never). */
    private static int configuredSeconds(HttpSession session) {
        return session.getServletContext().getSessionTimeout() * 60;
    }
}
