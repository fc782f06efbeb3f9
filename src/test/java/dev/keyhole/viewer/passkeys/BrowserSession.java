package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser holds for the viewer, and nothing more: its session cookie and the CSRF token of the
 * page (the {@code _csrf} meta tag, then the rotated one a sign-in returns), sent as frontend/api/http.ts
 * sends them. Follows the session cookie when the server rotates it.
 */
final class BrowserSession {

    record Response(int status, JsonNode body, String raw) {
        String code() {
            return body.path("code").asString("");
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private @Nullable String cookie;
    private final String csrfHeader;
    private @Nullable String csrfToken;

    private BrowserSession(String baseUrl, @Nullable String cookie, String csrfHeader, @Nullable String csrfToken) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
    }

    /** A browser that opened /login: an anonymous session and the page's CSRF token. */
    static BrowserSession atLoginPage(String baseUrl) {
        BrowserSession browser = new BrowserSession(baseUrl, null, "X-CSRF-TOKEN", null);
        Response page = browser.send("GET", "/login", null);
        assertThat(page.status()).isEqualTo(200);
        String header = null;
        String token = null;
        Matcher meta = META.matcher(page.raw());
        while (meta.find()) {
            if (meta.group(1).equals("_csrf")) {
                token = meta.group(2);
            } else {
                header = meta.group(2);
            }
        }
        assertThat(token).as("CSRF meta tag").isNotNull();
        assertThat(browser.cookie).as("session cookie of the login page").isNotNull();
        return new BrowserSession(baseUrl, browser.cookie, header == null ? "X-CSRF-TOKEN" : header, token);
    }

    /** {@code POST /web/session} with a sync token, as the password sign-in ends. */
    BrowserSession openWithToken(String token) {
        Response opened = post("/web/session", JSON.createObjectNode().put("token", token));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        useCsrfToken(opened.body().path("csrfToken").asString());
        return this;
    }

    /** The same session cookie, but requests carry no CSRF token (a cross-site form or script). */
    BrowserSession withoutCsrfToken() {
        return new BrowserSession(baseUrl, cookie, csrfHeader, null);
    }

    /** Another browser that holds this one's CSRF token but not its cookie. */
    BrowserSession withoutCookie() {
        return new BrowserSession(baseUrl, null, csrfHeader, csrfToken);
    }

    void useCsrfToken(String token) {
        csrfToken = token;
    }

    @Nullable
    String csrfToken() {
        return csrfToken;
    }

    @Nullable
    String cookie() {
        return cookie;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, @Nullable JsonNode body) {
        return send("POST", path, body == null ? null : body.toString());
    }

    Response put(String path, JsonNode body) {
        return send("PUT", path, body.toString());
    }

    Response patch(String path, JsonNode body) {
        return send("PATCH", path, body.toString());
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .header("X-Client-Package", "dev.keyhole.viewer")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrfToken != null && !method.equals("GET")) {
            request.header(csrfHeader, csrfToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst()
                    .ifPresent(c -> cookie = c);
            return new Response(response.statusCode(), parse(response), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
        return json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.missingNode();
    }
}
