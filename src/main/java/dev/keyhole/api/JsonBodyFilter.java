package dev.keyhole.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every sync API body as JSON whatever its {@code Content-Type} says, as Ente's server does: Ente's
 * web app posts JSON strings without a type of its own, which browsers label {@code text/plain;charset=UTF-8}.
 * A body labelled as JSON is left alone; any other label, or none, is presented to the controllers as
 * UTF-8 JSON (RFC 8259 allows no other charset between systems). A label nothing can parse was already
 * refused, before any chain ran.
 */
final class JsonBodyFilter extends OncePerRequestFilter {

    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(labelledJson(request) || !hasBody(request) ? request : new AsJson(request), response);
    }

    private static boolean labelledJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || media.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            // Refused before this chain runs; should one get here, it is left for the controllers to refuse.
            return true;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The same request, labelled {@code application/json;charset=UTF-8}. */
    private static final class AsJson extends HttpServletRequestWrapper {

        AsJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return JSON_UTF8;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? JSON_UTF8 : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.enumeration(List.of(JSON_UTF8)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch(AsJson::isContentType)) {
                names.add(HttpHeaders.CONTENT_TYPE);
            }
            return Collections.enumeration(names);
        }

        private static boolean isContentType(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
        }
    }
}
