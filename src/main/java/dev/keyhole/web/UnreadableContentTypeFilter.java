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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body whose {@code Content-Type} nothing can read, before anything tries: no media type at all,
 * a wildcard ({@code *}{@code /*}, which Spring's request headers reject with an unchecked exception), or a
 * charset Java does not know (which Tomcat throws on from the first parameter read, wherever that is).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableContentTypeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableContentTypeFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !readable(type)) {
            log.warn("Refused {}: an unreadable Content-Type", RequestLine.of(request));
            JsonErrors.write(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Send the body as application/json in UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean readable(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            String charset = media.getParameter("charset");
            return !media.isWildcardType()
                    && !media.isWildcardSubtype()
                    && (charset == null || Charset.isSupported(charset.replace("\"", "")));
        } catch (InvalidMediaTypeException | IllegalCharsetNameException e) {
            return false;
        }
    }
}
