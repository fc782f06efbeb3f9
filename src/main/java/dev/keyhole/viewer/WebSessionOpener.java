package dev.keyhole.viewer;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import dev.keyhole.account.UserId;
import dev.keyhole.web.AnonymousSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Opens the web session of an account whose sign-in was already proven (a redeemed sync token, or a
 * verified passkey): every way into the viewer ends here, so each gets the same protections.
 */
@Component
class WebSessionOpener {

    /** {@code next}: the view that sent the browser to sign in; {@code csrfToken}: the rotated token. */
    record Opened(String sessionKey, String next, String csrfToken) {}

    private final CsrfTokenRepository csrfTokens;
    private final VaadinDefaultRequestCache savedRequests;
    private final SecurityContextHolderStrategy contexts;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();
    private final RecentProof recentProof;
    private final AnonymousSessions anonymousSessions;
    private final AccountWebSessions accountSessions;

    WebSessionOpener(
            CsrfTokenRepository viewerCsrfTokens,
            VaadinDefaultRequestCache savedRequests,
            SecurityContextHolderStrategy contexts,
            RecentProof recentProof,
            AnonymousSessions anonymousSessions,
            AccountWebSessions accountSessions) {
        this.csrfTokens = viewerCsrfTokens;
        this.accountSessions = accountSessions;
        this.recentProof = recentProof;
        this.anonymousSessions = anonymousSessions;
        this.savedRequests = savedRequests;
        this.contexts = contexts;
    }

    Opened open(UserId userId, HttpServletRequest request, HttpServletResponse response) {
        String next = savedTarget(request, response);
        HttpSession session = request.getSession(true);
        // Challenges handed out before sign-in are worth nothing after it, whoever asked for them.
        PasskeyCeremonies.dropAll(session);
        // A new id for the signed-in session: an id planted or seen before sign-in is worth nothing now.
        request.changeSessionId();
        // Until now the session lived minutes and counted against its address's cap; now it is the user's.
        anonymousSessions.signedIn(session);
        accountSessions.signedIn(userId, request);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new ViewerPrincipal(userId),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ViewerPrincipal.ROLE))));
        contexts.setContext(context);
        sessionContexts.saveContext(context, request, response);
        WebSessionKey key = WebSessionKey.createIn(request.getSession());
        recentProof.record(request.getSession());
        return new Opened(key.base64(), next, rotateCsrfToken(request, response));
    }

    /** The page that sent the browser to sign in, taken from the request cache once. */
    private String savedTarget(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return SignInTarget.of(saved == null ? null : saved.getRedirectUrl());
    }

    /** A new CSRF token for the signed-in session, in the masked form the page sends back. */
    private String rotateCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        CsrfToken fresh = csrfTokens.generateToken(request);
        csrfTokens.saveToken(fresh, request, response);
        new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> fresh);
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }
}
