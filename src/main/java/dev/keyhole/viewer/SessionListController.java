package dev.keyhole.viewer;

import dev.keyhole.account.AccountSession;
import dev.keyhole.account.AccountSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's signed-in browsers and sync clients, for {@code /settings/sessions}: the same list as
 * Ente's {@code GET /users/sessions}, and ending any entry. Ending another account's entry, or one that is
 * gone, changes nothing and answers the same. Ending this browser's own entry signs it out.
 */
@RestController
@RequestMapping("/web/sessions")
class SessionListController {

    /** Times are epoch microseconds, as in Ente's list. */
    record SessionView(
            String id,
            boolean browser,
            String client,
            String userAgent,
            String ip,
            long createdAt,
            long lastUsedAt,
            boolean current) {}

    record SessionList(List<SessionView> sessions) {}

    private final AccountSessions sessions;

    SessionListController(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    SessionList list(@AuthenticationPrincipal ViewerPrincipal viewer, HttpServletRequest request) {
        String own = ownId(request);
        return new SessionList(sessions.list(viewer.userId()).stream()
                .map(session -> view(session, session.id().equals(own)))
                .toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(@AuthenticationPrincipal ViewerPrincipal viewer, @PathVariable String id, HttpServletRequest request) {
        sessions.end(viewer.userId(), id);
        if (id.equals(ownId(request))) {
            request.getSession().invalidate();
        }
    }

    private static @Nullable String ownId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : AccountWebSessions.browserId(session).orElse(null);
    }

    private static SessionView view(AccountSession session, boolean current) {
        return new SessionView(
                session.id(),
                session.browser(),
                session.client(),
                Objects.requireNonNullElse(session.userAgent(), ""),
                Objects.requireNonNullElse(session.ip(), ""),
                session.createdAt(),
                session.lastUsedAt(),
                current);
    }
}
