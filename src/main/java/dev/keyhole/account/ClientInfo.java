package dev.keyhole.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** What the sessions list shows about the client that obtained a token. Any X-Client-Package is accepted. */
public record ClientInfo(
        @Nullable String clientPackage,
        @Nullable String userAgent,
        @Nullable String ip) {

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(
                clip(request.getHeader("X-Client-Package"), 128),
                clip(request.getHeader("User-Agent"), 512),
                clip(request.getRemoteAddr(), 64));
    }

    /** Client-chosen text, made safe to store and to log: bounded, and no control characters. */
    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
