package dev.keyhole.viewer;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Where the browser goes after signing in: the bookmarked view that sent it there, else the dashboard. */
final class SignInTarget {

    static final String DEFAULT = "/codes";

    private SignInTarget() {}

    /**
     * The path and query of a saved URL, if it is a page of this application: never another origin, never
     * the JSON endpoints or the login page itself. Spring's request cache adds a {@code continue}
     * parameter to the saved URL; the view has no use for it.
     */
    static String of(@Nullable String savedUrl) {
        if (savedUrl == null) {
            return DEFAULT;
        }
        URI uri;
        try {
            uri = URI.create(savedUrl);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
        String path = uri.getRawPath();
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.startsWith("/web/")
                || path.startsWith(ViewerSecurityConfig.LOGIN_PATH)
                || path.contains("\\")) {
            return DEFAULT;
        }
        String query = uri.getRawQuery() == null
                ? ""
                : Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(part -> !part.equals("continue") && !part.startsWith("continue="))
                        .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
