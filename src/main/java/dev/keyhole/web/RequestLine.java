package dev.keyhole.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The method and path of a request, fit for one log line: the query string is left out (a sync token may
 * ride in it), and so are path parameters ({@code ;jsessionid=…} names a session, and {@code getRequestURI}
 * keeps them for requests that reach a filter before Spring Security's firewall refuses the {@code ;}),
 * control characters cannot forge a second line, and a huge path is cut short.
 */
public final class RequestLine {

    private static final int MAX_PATH = 120;
    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

    private RequestLine() {}

    public static String of(HttpServletRequest request) {
        return clean(request.getMethod()) + " " + path(request.getRequestURI());
    }

    static String path(@Nullable String path) {
        if (path == null) {
            return "";
        }
        path = PATH_PARAMETERS.matcher(path).replaceAll("");
        return clean(path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path);
    }

    private static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
