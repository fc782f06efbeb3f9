package dev.keyhole.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands every session a request opened to {@link AnonymousSessions}, with the client that opened it.
 * Wraps Spring Security's chain, which can open a session (the saved request of a sign-in redirect) and
 * answer without going further, and sits inside the forwarded-header filter, which sets the client's
 * address.
 */
@Component
@Order(AnonymousSessionFilter.ORDER)
class AnonymousSessionFilter extends OncePerRequestFilter {

    /** After Spring's ForwardedHeaderFilter (highest precedence), before Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final AnonymousSessions sessions;

    AnonymousSessionFilter(AnonymousSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            admitNewSession(request);
        }
    }

    /** Error pages run as their own dispatch and may open a session too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void admitNewSession(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.isNew()) {
                sessions.admit(session, ClientAddress.keyOf(request.getRemoteAddr()));
            }
        } catch (IllegalStateException endedMeanwhile) {
            // Logged out, expired or evicted while this request ran: nothing left to count.
        }
    }
}
