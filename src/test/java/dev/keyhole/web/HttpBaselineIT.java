package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ServerCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** What every client sees of the server before any feature: ping, health, headers, and the error shape. */
@TestPropertySource(properties = {"keyhole.limits.max-request-bytes=1024"})
class HttpBaselineIT extends ServerCase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pingAnswersPongAsEnteClientsExpect() throws Exception {
        HttpResponse<String> response = get("/ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"pong\"}");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void errorPathAskedForDirectlyIsAJson404NotA500() throws Exception {
        HttpResponse<String> response = get("/error");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":\"NOT_FOUND\",\"message\":\"No such endpoint.\"}");
    }

    @Test
    void healthEndpointIsUpForContainers() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everyPageCarriesTheStrictSecurityHeaders() throws Exception {
        for (String path : new String[] {"/ping", "/browser-check"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains(
                                    "frame-ancestors 'none'",
                                    "default-src 'self'",
                                    "object-src 'none'",
                                    "connect-src 'self'")
                            // Nothing from another origin, ever: no wildcard, no host, no scheme source but
                            // data:/blob:.
                            .doesNotContain("*", "http:", "https:", "//"));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void oversizedBodyIsRefusedWithJsonBeforeAnythingReadsIt() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/ping"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"").contains("\"message\":");
        assertThat(get("/ping").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
