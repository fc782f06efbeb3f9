package dev.keyhole.viewer;

import dev.keyhole.account.AccountDeleted;
import dev.keyhole.account.AccountSessions;
import dev.keyhole.account.ClientInfo;
import dev.keyhole.account.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The signed-in web sessions: each is recorded in the account's sessions list ({@link AccountSessions}),
 * under an id kept in its HTTP session, so that the owner sees it beside the sync clients and can end it
 * from anywhere ({@link EndedBrowserSessionFilter} signs it out on its next request). This node also keeps
 * its own sessions per account, so that deleting the account ends them at once.
 */
@Component
class AccountWebSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(AccountWebSessions.class);
    private static final String BROWSER_ID = AccountWebSessions.class.getName() + ".browserId";

    private final Map<UserId, Set<HttpSession>> byAccount = new ConcurrentHashMap<>();
    private final AccountSessions sessions;

    AccountWebSessions(AccountSessions sessions) {
        this.sessions = sessions;
    }

    /** The session of {@code request} just signed in to {@code user}. */
    void signedIn(UserId user, HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(BROWSER_ID, sessions.openBrowser(user, ClientInfo.of(request)));
        byAccount.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** The id this session has in the account's sessions list; empty before sign-in. */
    static Optional<String> browserId(HttpSession session) {
        return session.getAttribute(BROWSER_ID) instanceof String id ? Optional.of(id) : Optional.empty();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        byAccount.values().forEach(signedIn -> signedIn.remove(session));
        byAccount.values().removeIf(Set::isEmpty);
        browserId(session).ifPresent(this::close);
    }

    private void close(String browserId) {
        try {
            sessions.closeBrowser(browserId);
        } catch (RuntimeException databaseGone) {
            // Sessions also end while the server shuts down, possibly after the database closed; the row
            // then stays until its idle time passes, and the sessions list drops it (AccountSessions#list).
            log.debug("Could not remove an ended browser session from the sessions list", databaseGone);
        }
    }

    @EventListener
    void accountDeleted(AccountDeleted deleted) {
        Set<HttpSession> signedIn = byAccount.remove(deleted.user());
        if (signedIn == null) {
            return;
        }
        for (HttpSession session : signedIn) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // It ended on its own between the lookup and now: nothing left to end.
            }
        }
    }
}
