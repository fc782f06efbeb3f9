package dev.keyhole.api;

import dev.keyhole.web.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for Ente's web app on its own origin, as Ente's server answers it (server/cmd/museum/main.go's
 * {@code cors()}): preflights get 200 with the methods and headers the apps send, and every answer to a
 * listed origin names it. Unlike Ente's, only {@link WebAppOrigins} are named and credentials are never
 * allowed: the API reads a header token, never a cookie. Another origin's request still runs (it could
 * as well come from curl), but its browser is not let read the answer; no request is refused for its
 * Origin, so a reverse proxy that hides the scheme cannot break Keyhole's own same-origin pages.
 */
final class ApiCorsFilter extends OncePerRequestFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS =
            "Content-Type, X-Auth-Token, X-Client-Package, X-Client-Version, Accept, Cache-Control, X-Requested-With";
    /** Chromium caps the preflight cache at 2 hours; Ente asks for 20 days. */
    static final String MAX_AGE_SECONDS = "7200";

    private final WebAppOrigins origins;

    ApiCorsFilter(WebAppOrigins origins) {
        this.origins = origins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        boolean allowed = origins.allows(origin);
        if (allowed) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            // 429s carry Retry-After, which a browser hides from scripts unless it is exposed.
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
        }
        if (!isPreflight(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!allowed) {
            JsonErrors.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "ORIGIN_NOT_ALLOWED",
                    "This origin may not call the API from a browser; the server's keyhole.web-app-origins lists"
                            + " the ones that may.");
            return;
        }
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        // 200, not 204, as Ente's server: Safari intermittently fails CORS on a 204.
        response.setStatus(HttpStatus.OK.value());
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return HttpMethod.OPTIONS.matches(request.getMethod())
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
