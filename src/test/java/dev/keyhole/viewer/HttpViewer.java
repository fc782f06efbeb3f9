package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's hold on the viewer, seen from plain HTTP: the session cookie and the CSRF token, nothing
 * else. {@link #load} is one page load of a stranger (no cookie); {@link #signIn} exchanges a sync token
 * for the web session as the login page does. The client decides the source address (loopback only).
 */
public record HttpViewer(HttpClient http, URI base, String sessionId, String csrfHeader, String csrfToken) {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Loads {@code path} without a cookie, as a first visit does; the page must open a session. */
    public static HttpViewer load(HttpClient http, URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
        String header = "X-CSRF-TOKEN";
        String token = "";
        Matcher meta = META.matcher(page.body());
        while (meta.find()) {
            if (meta.group(1).equals("_csrf")) {
                token = meta.group(2);
            } else {
                header = meta.group(2);
            }
        }
        String id = sessionCookie(page).orElseThrow(() -> new AssertionError("GET " + path + " opened no session"));
        return new HttpViewer(http, base, id, header, token);
    }

    /** The session this page's sign-in opens with {@code syncToken}: a new id, a rotated CSRF token. */
    public HttpViewer signIn(String syncToken) throws IOException, InterruptedException {
        HttpResponse<String> opened = send("POST", "/web/session", "{\"token\":\"" + syncToken + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String id = sessionCookie(opened).orElseThrow(() -> new AssertionError("sign-in set no session cookie"));
        return new HttpViewer(
                http,
                base,
                id,
                csrfHeader,
                JSON.readTree(opened.body()).path("csrfToken").asString());
    }

    /** The page's second request, as Vaadin's client script sends it: the UI's initial state. */
    public HttpViewer init(String route) throws IOException, InterruptedException {
        assertThat(get("/?v-r=init&location=" + route))
                .as("Vaadin init of %s", route)
                .isEqualTo(200);
        return this;
    }

    /** The heartbeat an open page sends (Vaadin's {@code heartbeatInterval}) for its first UI. */
    public int heartbeat() throws IOException, InterruptedException {
        return send("POST", "/?v-r=heartbeat&v-uiId=0", "").statusCode();
    }

    /** The status of {@code GET path} sent with this session's cookie. */
    public int get(String path) throws IOException, InterruptedException {
        return send("GET", path, null).statusCode();
    }

    /** A new session id set by the answer to {@code GET path} with this cookie: the old one was gone. */
    public Optional<String> reload(String path) throws IOException, InterruptedException {
        return sessionCookie(send("GET", path, null));
    }

    /** {@code method path} with this session's cookie and, with a JSON body, its CSRF token: the answer. */
    public HttpResponse<String> json(String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        return send(method, path, body);
    }

    /** One answer as it crossed the wire: its status, Content-Encoding, body size as sent and decoded. */
    public record Wire(int status, String encoding, long bodyBytes, long decodedBytes) {}

    /** {@code GET path} with this session's cookie, accepting {@code encodings}, as a browser sends it. */
    public Wire wire(String path, String encodings) throws IOException, InterruptedException {
        return wire(http, base, path, "Cookie", "JSESSIONID=" + sessionId, encodings);
    }

    /** {@code GET path} of the sync API with {@code token}, accepting {@code encodings}. */
    public static Wire wire(HttpClient http, URI base, String path, String token, String encodings)
            throws IOException, InterruptedException {
        return wire(http, base, path, "X-Auth-Token", token, encodings);
    }

    private static Wire wire(HttpClient http, URI base, String path, String header, String value, String encodings)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> sent = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(TIMEOUT)
                        .header(header, value)
                        .header("Accept-Encoding", encodings)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // The same answer uncompressed, for its size: the JDK's client decodes no brotli.
        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(TIMEOUT)
                        .header(header, value)
                        .header("Accept-Encoding", "identity")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Wire(
                sent.statusCode(),
                sent.headers().firstValue("Content-Encoding").orElse("identity"),
                sent.body().length,
                plain.body().length);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Cookie", "JSESSIONID=" + sessionId)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json").header(csrfHeader, csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst();
    }
}
