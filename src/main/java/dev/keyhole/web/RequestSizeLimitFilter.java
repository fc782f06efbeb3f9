package dev.keyhole.web;

import dev.keyhole.KeyholeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code keyhole.limits.max-request-bytes} before anything parses them:
 * Spring MVC has no limit of its own for JSON bodies, and one huge body must not exhaust the heap.
 * Bodies that declare no length are not accepted at all; Ente's clients always send one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(KeyholeProperties properties) {
        this.maxBytes = properties.limits().maxRequestBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || (length < 0 && chunked)) {
            JsonErrors.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "REQUEST_TOO_LARGE",
                    "The request body is larger than this server accepts (" + maxBytes + " bytes).");
            return;
        }
        chain.doFilter(request, response);
    }
}
