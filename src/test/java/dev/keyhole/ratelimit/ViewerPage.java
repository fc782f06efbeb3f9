package dev.keyhole.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser at a given address that opened the viewer's {@code /login}: its session cookie (kept by hand:
 * the cookie is Secure, which Java's cookie store would not send over plain HTTP) and the page's CSRF
 * token, sent with each JSON request as the page's own script sends them.
 */
final class ViewerPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private final String cookie;
    private final String csrfToken;

    private ViewerPage(String baseUrl, HttpClient http, String cookie, String csrfToken) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
    }

    static ViewerPage open(String baseUrl, InetAddress localAddress) {
        HttpClient http = HttpClient.newBuilder().localAddress(localAddress).build();
        HttpResponse<String> page = send(
                http, HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from /login"));
        Matcher meta = CSRF.matcher(page.body());
        assertThat(meta.find()).as("CSRF meta tag").isTrue();
        return new ViewerPage(baseUrl, http, cookie, meta.group(1));
    }

    /** A JSON POST from the page. A session exchange rotates the cookie; each page here makes one at most. */
    Response post(String path, JsonNode body) {
        HttpResponse<String> response = send(
                http,
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .header("X-CSRF-TOKEN", csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        return new Response(
                response.statusCode(),
                response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()),
                response.headers().firstValue("Retry-After").orElse(""));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
