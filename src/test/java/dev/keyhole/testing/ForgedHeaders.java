package dev.keyhole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client that lies about where it is sends, and what the server makes of it: the address a sign-in
 * records in the sessions list (the request's remote address), and where an anonymous page redirects.
 */
public final class ForgedHeaders {

    /** Claims to come from elsewhere, in both the de-facto and the RFC 7239 header. */
    public static final Map<String, String> ADDRESS =
            Map.of("X-Forwarded-For", "203.0.113.66", "Forwarded", "for=198.51.100.9");

    /** Claims the page was asked for at https://evil.example. */
    public static final Map<String, String> HOST = Map.of(
            "Host", "evil.example",
            "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Port", "443",
            "Forwarded", "host=evil.example;proto=https");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ForgedHeaders() {}

    /**
     * Signs up a new {@code @example.test} account by emailed code with {@code headers} on both steps, and
     * returns the address its one session was recorded with.
     */
    public static String sessionAddress(LoopbackClient client, String fixedCode, Map<String, String> headers) {
        String email = "forged-" + UUID.randomUUID() + "@example.test";
        LoopbackClient.Response ott = client.postJson(
                "/users/ott", JSON.createObjectNode().put("email", email).toString(), headers);
        assertThat(ott.status()).as(ott.body()).isEqualTo(200);
        LoopbackClient.Response verified = client.postJson(
                "/users/verify-email",
                JSON.createObjectNode()
                        .put("email", email)
                        .put("ott", fixedCode)
                        .toString(),
                headers);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        String token = JSON.readTree(verified.body()).path("token").asString();
        LoopbackClient.Response sessions = client.get("/users/sessions", Map.of("X-Auth-Token", token));
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(sessions.body()).path("sessions");
        assertThat(list).hasSize(1);
        return list.get(0).path("ip").asString();
    }

    /** The response to an anonymous request for the dashboard: a redirect to sign in. */
    public static LoopbackClient.Response dashboardWithoutSession(LoopbackClient client, Map<String, String> headers) {
        LoopbackClient.Response response = client.get("/codes", headers);
        assertThat(response.status()).isEqualTo(302);
        return response;
    }
}
