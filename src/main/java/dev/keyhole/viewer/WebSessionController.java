package dev.keyhole.viewer;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web session: opened with a sync token that the browser got by SRP (and that is revoked here, so the
 * browser keeps nothing that could write), holding the account id and a fresh key that wraps the tab's
 * stored master key. Logout is Spring's logout filter at {@code POST /web/logout}.
 */
@RestController
class WebSessionController {

    static final String OPEN_PATH = "/web/session";

    record OpenRequest(@Nullable String token) {
    }

    /** {@code next}: the view that sent the browser to sign in; {@code csrfToken}: the rotated token. */
    record Opened(String sessionKey, String next, String csrfToken) {
    }

    record SessionKey(String sessionKey) {
    }

    private final TokenExchange tokens;
    private final CsrfTokenRepository csrfTokens;
    private final VaadinDefaultRequestCache savedRequests;
    private final SecurityContextHolderStrategy contexts;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    WebSessionController(TokenExchange tokens, CsrfTokenRepository viewerCsrfTokens,
            VaadinDefaultRequestCache savedRequests, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.csrfTokens = viewerCsrfTokens;
        this.savedRequests = savedRequests;
        this.contexts = contexts;
    }

    @PostMapping(OPEN_PATH)
    Opened open(@RequestBody OpenRequest body, HttpServletRequest request, HttpServletResponse response) {
        String token = body.token();
        if (token == null || token.isBlank() || token.length() > 128) {
            throw ApiException.badRequest("MISSING_FIELD", "The field token is required.");
        }
        long user = tokens.redeem(token).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "INVALID_TOKEN", "The sign-in token is not valid. Sign in again."));
        String next = savedTarget(request, response);
        request.getSession(true);
        // A new id for the signed-in session: an id planted or seen before sign-in is worth nothing now.
        request.changeSessionId();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ViewerPrincipal(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ViewerPrincipal.ROLE))));
        contexts.setContext(context);
        sessionContexts.saveContext(context, request, response);
        WebSessionKey key = WebSessionKey.createIn(request.getSession());
        return new Opened(key.base64(), next, rotateCsrfToken(request, response));
    }

    @GetMapping("/web/session-key")
    SessionKey sessionKey(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        WebSessionKey key = session == null ? null : WebSessionKey.of(session).orElse(null);
        if (key == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", "Sign in first.");
        }
        return new SessionKey(key.base64());
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
