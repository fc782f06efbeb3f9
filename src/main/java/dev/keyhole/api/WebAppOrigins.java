package dev.keyhole.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyhole.web-app-origins}: the origins that serve an Ente web app (a self-hosted Ente Auth web
 * image) pointed at this server. Browsers on them may call the sync API (CORS) and receive a passkey
 * approval from {@code /passkeys/verify}. Exact origins only, because an approval redirected elsewhere
 * would hand that site the sign-in (docs/design-decisions/0013-ente-web-origins.md).
 */
@ConfigurationProperties("keyhole")
public record WebAppOrigins(
        @DefaultValue("http://localhost:3003") List<String> webAppOrigins) {

    public WebAppOrigins {
        webAppOrigins = webAppOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(WebAppOrigins::checked)
                .distinct()
                .toList();
    }

    /** Whether {@code origin} (an {@code Origin} header, or a URL's scheme://host[:port]) is listed. */
    public boolean allows(@Nullable String origin) {
        return origin != null && webAppOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** The origin of an http(s) URL, in the form an {@code Origin} header has; null for anything else. */
    public static @Nullable String originOf(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") ? port == 80 : port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A listed origin must be exactly what a browser sends: a typo would otherwise fail silently. */
    private static String checked(String origin) {
        String normalised = originOf(origin);
        if (normalised == null || !normalised.equals(origin.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("keyhole.web-app-origins: '" + origin
                    + "' is not an origin; write scheme://host[:port], e.g. https://auth.example.org,"
                    + " without a path or a trailing slash");
        }
        return normalised;
    }
}
