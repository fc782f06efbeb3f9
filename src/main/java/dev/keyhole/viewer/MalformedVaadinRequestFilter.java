package dev.keyhole.viewer;

import dev.keyhole.web.JsonErrors;
import dev.keyhole.web.RequestLine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a Vaadin request ({@code ?v-r=...}) that Vaadin would fail on with a 500 or a logged stack
 * trace: a type it does not serve, a UI id that is no number, a message body that is no JSON object.
 * Not a bean: it runs in the viewer's filter chain only, after the security headers are written.
 */
final class MalformedVaadinRequestFilter extends OncePerRequestFilter {

    /**
     * The types Vaadin Flow 25 handles ({@code HandlerHelper.RequestType}), less {@code oldbrowser}, which
     * has had no handler since Flow dropped its old-browser page and fails the same way as an unknown one.
     */
    static final Set<String> SERVED = Set.of("init", "uidl", "heartbeat", "push", "webcomponent-resync", "i18n");

    private static final Logger log = LoggerFactory.getLogger(MalformedVaadinRequestFilter.class);
    // Vaadin reads the whole body as one JSON document: trailing content after the object fails it too.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The viewer's JSON endpoints are Spring's, and refuse bad input themselves.
        return request.getQueryString() == null || request.getRequestURI().startsWith("/web/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] types;
        String[] uiIds;
        try {
            types = request.getParameterValues("v-r");
            uiIds = request.getParameterValues("v-uiId");
        } catch (InvalidParameterException e) {
            refuse(request, response, "INVALID_PARAMETER", "a request parameter could not be decoded");
            return;
        }
        if (types == null) {
            chain.doFilter(request, response);
        } else if (types.length != 1 || !SERVED.contains(types[0])) {
            refuse(request, response, "UNKNOWN_REQUEST_TYPE", "unknown Vaadin request type");
        } else if (uiIds != null && (uiIds.length != 1 || !uiIds[0].matches("\\d{1,9}"))) {
            refuse(request, response, "INVALID_PARAMETER", "a Vaadin UI id that is no number");
        } else if (types[0].equals("uidl") && "POST".equals(request.getMethod())) {
            ReplayableBody body = new ReplayableBody(request);
            // Checked as text, decoded as Vaadin will decode it, so that a body in another charset than it
            // claims is refused here rather than failing inside Vaadin with a logged stack trace.
            if (!isJsonObject(body.text())) {
                refuse(request, response, "MALFORMED_JSON", "a Vaadin message that is no JSON object");
                return;
            }
            chain.doFilter(body, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isJsonObject(String body) {
        try {
            return JSON.readTree(body).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String code, String why)
            throws IOException {
        log.warn("Refused {}: {}", RequestLine.of(request), why);
        JsonErrors.write(response, HttpStatus.BAD_REQUEST, code, "This request is malformed.");
    }
}
