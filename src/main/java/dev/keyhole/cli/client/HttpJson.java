package dev.keyhole.cli.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to one server, with Ente's headers and its errors turned into exceptions people can read. */
final class HttpJson {

    /** Ente scopes tokens and emailed codes per app by this prefix (docs/protocol.md §3). */
    static final String CLIENT_PACKAGE = "io.ente.auth.cli";

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final URI server;

    HttpJson(HttpClient http, URI server) {
        this.http = http;
        this.server = server;
    }

    URI server() {
        return server;
    }

    /** Sends the request and reads the JSON answer; an empty body reads as a missing node. */
    JsonNode send(String method, String path, @Nullable Object body, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Client-Package", CLIENT_PACKAGE)
                .header("User-Agent", "keyhole-cli")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        HttpResponse<String> response = exchange(request.build());
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new ServerException(
                    response.statusCode(),
                    json.path("code").isString() ? json.path("code").asString() : "HTTP_" + response.statusCode(),
                    json.path("message").isString()
                            ? json.path("message").asString()
                            : "HTTP " + response.statusCode() + " from " + server);
        }
        return json;
    }

    <T> T read(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (JacksonException e) {
            throw new ServerException(
                    200, "BAD_RESPONSE", "Unexpected answer from " + server + "; is it a Keyhole or Ente server?");
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new UnreachableException("Cannot reach " + server + ": connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new UnreachableException("No answer from " + server + " in time", e);
        } catch (ConnectException e) {
            throw new UnreachableException("Cannot reach " + server + ": connection refused", e);
        } catch (IOException e) {
            String reason =
                    e.getCause() instanceof UnknownHostException ? "unknown host" : String.valueOf(e.getMessage());
            throw new UnreachableException("Cannot reach " + server + ": " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("Interrupted while talking to " + server, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // A proxy's HTML error page, say: the status code still tells what happened.
            return JSON.missingNode();
        }
    }
}
