package dev.keyhole.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body declared in a charset Java does not know ({@code Content-Type: ...; charset=bogus}) before
 * anything reads it: Tomcat throws an unchecked exception from the first parameter read, wherever that is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnknownCharsetFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnknownCharsetFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String charset = request.getCharacterEncoding();
        if (charset != null && !known(charset)) {
            log.warn("Refused {}: unknown charset", RequestLine.of(request));
            JsonErrors.write(
                    response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
