package dev.keyhole.cli.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/** A Keyhole (or Ente) server the CLI talks to, by its base URL. */
public final class Server {

    private final HttpJson http;

    private Server(HttpJson http) {
        this.http = http;
    }

    /**
     * @param url an http or https URL; a trailing slash is dropped so that API paths append cleanly
     * @throws IllegalArgumentException with a message for people when the URL is not usable
     */
    public static Server at(String url) {
        return new Server(new HttpJson(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                normalise(url)));
    }

    public static URI normalise(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException("Not a server URL: '" + url + "' (expected http(s)://host[:port])");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a server URL: '" + url + "' (expected http(s)://host[:port])");
        }
    }

    public String url() {
        return http.server().toString();
    }

    HttpJson http() {
        return http;
    }
}
