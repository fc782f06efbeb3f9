package dev.keyhole.viewer;

import dev.keyhole.account.AccountSessions;
import dev.keyhole.web.HashedAssetCaching;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a browser out once its entry left the account's sessions list: ended on the sessions page, from an
 * Ente app or the CLI, or by a new password. Runs before the security context is read, so the request
 * that finds its session ended is already anonymous (a page goes to sign-in, {@code /web/**} answers 401).
 * Checked on every request but the bundle's files, in the database, because the HTTP session may live on
 * another node than the one that ended it.
 */
class EndedBrowserSessionFilter extends OncePerRequestFilter {

    private final AccountSessions sessions;

    EndedBrowserSessionFilter(AccountSessions sessions) {
        this.sessions = sessions;
    }

    /** The bundle is public and the same for everyone: a database read per file would buy nothing. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(HashedAssetCaching.PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            AccountWebSessions.browserId(session)
                    .filter(id -> sessions.useBrowser(id).isEmpty())
                    .ifPresent(ended -> invalidate(session));
        }
        chain.doFilter(request, response);
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // It ended meanwhile: the request is anonymous either way.
        }
    }
}
