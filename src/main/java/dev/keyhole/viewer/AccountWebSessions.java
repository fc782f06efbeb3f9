package dev.keyhole.viewer;

import dev.keyhole.account.AccountDeleted;
import dev.keyhole.account.UserId;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The signed-in web sessions of each account on this node, so that deleting the account ends them at once
 * instead of leaving a session that names an account that no longer exists. Sessions live in this node's
 * memory (the viewer needs sticky sessions), so this node's list is the one that matters for its sessions.
 */
@Component
class AccountWebSessions implements HttpSessionListener {

    private final Map<UserId, Set<HttpSession>> byAccount = new ConcurrentHashMap<>();

    void signedIn(UserId user, HttpSession session) {
        byAccount.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        byAccount.values().forEach(sessions -> sessions.remove(event.getSession()));
        byAccount.values().removeIf(Set::isEmpty);
    }

    @EventListener
    void accountDeleted(AccountDeleted deleted) {
        Set<HttpSession> sessions = byAccount.remove(deleted.user());
        if (sessions == null) {
            return;
        }
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // It ended on its own between the lookup and now: nothing left to end.
            }
        }
    }
}
