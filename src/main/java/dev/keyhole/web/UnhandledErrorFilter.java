package dev.keyhole.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last resort for an exception that escapes every handler, in a servlet filter or a security filter:
 * Tomcat would log it with its whole stack trace (and any client could make the log grow by kilobytes a
 * request). Here it becomes one log line and an {@link ApiError}, without the exception's message, which
 * may quote what the client sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnhandledErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnhandledErrorFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            switch (cause) {
                case InvalidParameterException bad ->
                    refuse(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            "INVALID_PARAMETER",
                            ApiError.BADLY_ENCODED_PARAMETER);
                // Spring's FormContentFilter parses PUT, PATCH and DELETE form bodies before any handler.
                case HttpMessageNotReadableException bad ->
                    refuse(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            "MALFORMED_BODY",
                            "The request body cannot be read.");
                case InvalidMediaTypeException bad ->
                    refuse(
                            request,
                            response,
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "UNSUPPORTED_MEDIA_TYPE",
                            "Send the body as application/json.");
                default -> {
                    log.error("Unhandled {} in {}", cause.getClass().getName(), RequestLine.of(request));
                    answer(response, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", ApiError.SERVER_FAILED);
                }
            }
        }
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        log.warn("Refused {}: {}", RequestLine.of(request), code);
        answer(response, status, code, message);
    }

    private static void answer(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        JsonErrors.write(response, status, code, message);
    }
}
