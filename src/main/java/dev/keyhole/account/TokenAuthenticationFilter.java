package dev.keyhole.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates sync API requests by Ente's token: the {@code X-Auth-Token} header, else the
 * {@code token} query parameter (as Ente's server reads it). An unknown token leaves the request
 * anonymous, so that protected endpoints answer 401. Not a bean: it must run only in the API chain.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Auth-Token";

    private final TokenService tokens;
    private final SecurityContextHolderStrategy contexts;

    /** {@code contexts} must be the strategy the rest of the chain uses, or they would not see the user. */
    TokenAuthenticationFilter(TokenService tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    /** The token a request authenticates with, exactly as sent; null when it names none. */
    static @Nullable String tokenOf(HttpServletRequest request) {
        String token = request.getHeader(HEADER);
        if (token == null || token.isEmpty()) {
            token = request.getParameter("token");
        }
        return token == null || token.isEmpty() ? null : token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token != null) {
            tokens.authenticate(token).ifPresent(user -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new PreAuthenticatedAuthenticationToken(user, null, List.of()));
                contexts.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
