package dev.keyhole.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The method and path of a request, fit for one log line: the query string is left out (a sync token may
 * ride in it), control characters cannot forge a second line, and a huge path is cut short.
 */
public final class RequestLine {

    private static final int MAX_PATH = 120;

    private RequestLine() {}

    public static String of(HttpServletRequest request) {
        return clean(request.getMethod()) + " " + path(request.getRequestURI());
    }

    static String path(@Nullable String path) {
        if (path == null) {
            return "";
        }
        return clean(path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path);
    }

    private static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
