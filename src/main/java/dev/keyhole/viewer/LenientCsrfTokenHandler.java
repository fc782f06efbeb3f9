package dev.keyhole.viewer;

import dev.keyhole.web.RequestLine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default (masked, BREACH-safe) CSRF handling, except that a sent token which is not
 * one counts as a wrong token. Spring's handler throws {@code IllegalArgumentException("Decoding failed")}
 * when a token of the right length unmasks to bytes that are not UTF-8; uncaught, that was a 500 with a
 * stack trace for any client that sends garbage. Now the CSRF filter refuses it with its usual 403.
 */
final class LenientCsrfTokenHandler implements CsrfTokenRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(LenientCsrfTokenHandler.class);

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        try {
            return masked.resolveCsrfTokenValue(request, token);
        } catch (IllegalArgumentException e) {
            // Method and path only: neither the token sent nor the exception (which could quote it) is logged.
            log.warn("Refused {}: a malformed CSRF token", RequestLine.of(request));
            return null;
        }
    }
}
