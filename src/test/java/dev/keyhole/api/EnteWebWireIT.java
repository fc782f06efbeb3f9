package dev.keyhole.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import dev.keyhole.viewer.HttpViewer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync API over real HTTP as Ente's web app on its own origin meets it: JSON bodies whatever their
 * label, CORS for the listed web-app origins only, and a JSON 404 for every path no controller serves;
 * while {@code /web/**} and the pages stay same-origin and a mistyped page address is a 404 page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            "keyhole.web-app-origins=" + EnteWebWireIT.WEB_APP + ", https://auth.example.org",
            TestLimits.PER_ADDRESS_BURST
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnteWebWireIT {

    static final String WEB_APP = "http://localhost:3003";
    private static final String STRANGER = "https://evil.example";
    private static final String PASSWORD = "wire password";
    private static final String BROWSER_TEXT = "text/plain;charset=UTF-8";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private EnteTestClient owner;
    private String email = "";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @BeforeAll
    void signUp() {
        owner = new EnteTestClient(URI.create("http://127.0.0.1:" + port));
        email = "wire-" + UUID.randomUUID() + "@example.test";
        owner.signUp(email, "123456", EnteKeys.generate(PASSWORD));
    }

    @Test
    void aBodyLabelledTextPlainIsReadAsJsonOnTheSyncApi() throws Exception {
        String email = "label-" + UUID.randomUUID() + "@example.test";

        HttpResponse<String> ott = send("POST", "/users/ott", BROWSER_TEXT, body("email", email, "purpose", "signup"));
        HttpResponse<String> verified =
                send("POST", "/users/verify-email", null, body("email", email, "ott", "123456"));

        assertThat(ott.statusCode()).as(ott.body()).isEqualTo(200);
        assertThat(verified.statusCode())
                .as("no Content-Type at all: %s", verified.body())
                .isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).path("token").asString()).isNotEmpty();
        HttpResponse<String> session = send(
                "POST",
                "/users/srp/create-session",
                BROWSER_TEXT,
                body("srpUserID", UUID.randomUUID().toString(), "srpA", "AAAA"));
        HttpResponse<String> sameAsJson = send(
                "POST",
                "/users/srp/create-session",
                "application/json",
                body("srpUserID", UUID.randomUUID().toString(), "srpA", "AAAA"));
        assertThat(session.statusCode())
                .as(session.body())
                .isEqualTo(sameAsJson.statusCode())
                .isNotEqualTo(415);
        assertThat(session.body()).isEqualTo(sameAsJson.body());
        HttpResponse<String> broken = send("POST", "/users/ott", BROWSER_TEXT, "{\"email\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(code(broken)).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void theViewersJsonStillTakesOnlyJson() throws Exception {
        HttpResponse<String> session = send("POST", "/web/session", BROWSER_TEXT, "{\"token\":\"x\"}");

        // Refused whatever the reason (CSRF first, or the label): never read as the API reads it.
        assertThat(session.statusCode()).isIn(403, 415);
    }

    @Test
    void aListedWebAppsPreflightIsAnsweredAsEntesServerDoes() throws Exception {
        HttpResponse<String> preflight = preflight("/users/srp/attributes", WEB_APP, "GET", "x-client-package");
        HttpResponse<String> post =
                preflight("/users/srp/create-session", WEB_APP, "POST", "content-type,x-client-package");
        HttpResponse<String> authed =
                preflight("/authenticator/entity/diff", WEB_APP, "GET", "x-auth-token,x-client-package");

        for (HttpResponse<String> answer : List.of(preflight, post, authed)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(WEB_APP);
            assertThat(header(answer, "Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
            assertThat(header(answer, "Access-Control-Allow-Headers"))
                    .contains("X-Auth-Token", "X-Client-Package", "Content-Type");
            assertThat(header(answer, "Access-Control-Allow-Credentials")).isNull();
            assertThat(answer.headers().allValues("Vary"))
                    .anySatisfy(vary -> assertThat(vary).contains("Origin"));
        }
    }

    @Test
    void aListedWebAppReadsTheAnswersAndAnotherOriginDoesNot() throws Exception {
        String path = "/users/srp/attributes?email=nobody-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> listed = sendFrom(WEB_APP, "GET", path, null);
        HttpResponse<String> unlisted = sendFrom(STRANGER, "GET", path, null);
        HttpResponse<String> unlistedPreflight =
                preflight("/users/srp/attributes", STRANGER, "GET", "x-client-package");
        HttpResponse<String> refusal = sendFrom(WEB_APP, "GET", "/authenticator/key", null);

        assertThat(header(listed, "Access-Control-Allow-Origin")).isEqualTo(WEB_APP);
        assertThat(header(refusal, "Access-Control-Allow-Origin"))
                .as("a 401 is readable too")
                .isEqualTo(WEB_APP);
        assertThat(refusal.statusCode()).isEqualTo(401);
        assertThat(unlisted.statusCode()).as("answered as to curl").isEqualTo(listed.statusCode());
        assertThat(header(unlisted, "Access-Control-Allow-Origin")).isNull();
        assertThat(unlistedPreflight.statusCode()).isEqualTo(403);
        assertThat(code(unlistedPreflight)).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(header(unlistedPreflight, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(unlistedPreflight, "Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void theViewerAndItsPagesStaySameOrigin() throws Exception {
        for (String path : List.of("/web/session", "/web/vault", "/login", "/codes", "/passkeys/verify")) {
            HttpResponse<String> preflight = preflight(path, WEB_APP, "POST", "content-type");
            HttpResponse<String> get = sendFrom(WEB_APP, "GET", path, null);

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                    .as(path)
                    .isEmpty();
            assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void everyPathNoControllerServesIsAJson404WithOrWithoutAToken() throws Exception {
        List<String[]> unknown = List.of(
                new String[] {"GET", "/users/nope"},
                new String[] {"POST", "/users/nope"},
                new String[] {"PUT", "/users/nope"},
                new String[] {"DELETE", "/users/nope"},
                new String[] {"PATCH", "/users/nope"},
                new String[] {"GET", "/users/srp/nope"},
                new String[] {"POST", "/users/two-factor/nope"},
                new String[] {"GET", "/users/two-factor/passkeys/unknown"},
                new String[] {"GET", "/authenticator/nope"},
                new String[] {"POST", "/authenticator/entity/nope"},
                new String[] {"DELETE", "/authenticator/nope/deeper"},
                new String[] {"GET", "/users/billing-nope"},
                new String[] {"POST", "/users/change-email-nope"});
        List<String> wrong = new ArrayList<>();
        for (String[] request : unknown) {
            for (String token : new String[] {owner.token(), null}) {
                HttpResponse<String> answer = sendWithToken(request[0], request[1], token);
                if (answer.statusCode() != 404
                        || !"NOT_FOUND".equals(code(answer))
                        || !header(answer, "Content-Type").startsWith("application/json")) {
                    wrong.add(request[0] + " " + request[1] + (token == null ? "" : " (token)") + " -> "
                            + answer.statusCode() + " "
                            + answer.body()
                                    .substring(0, Math.min(60, answer.body().length())));
                }
            }
        }
        assertThat(wrong).isEmpty();
        HttpResponse<String> fromTheWebApp = sendFrom(WEB_APP, "PUT", "/users/nope", "{}");
        assertThat(fromTheWebApp.statusCode()).isEqualTo(404);
        assertThat(header(fromTheWebApp, "Access-Control-Allow-Origin")).isEqualTo(WEB_APP);
    }

    @Test
    void aServedPathKeepsItsTokenCheckAndItsOtherMethodsStay405() throws Exception {
        assertThat(sendWithToken("GET", "/authenticator/key", null).statusCode())
                .isEqualTo(401);
        assertThat(sendWithToken("DELETE", "/authenticator/key", owner.token()).statusCode())
                .isEqualTo(405);
        assertThat(sendWithToken("GET", "/users/ott", owner.token()).statusCode())
                .isEqualTo(405);
        assertThat(sendWithToken("GET", "/users/sessions", owner.token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMistypedPageAddressIsA404PageSignedInOrNot() throws Exception {
        for (String path : List.of("/codez", "/settings/x", "/passkeys/nope", "/login/x")) {
            HttpResponse<String> answer = sendFrom(null, "GET", path, null);

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(header(answer, "Content-Type")).as(path).startsWith("text/html");
            assertThat(answer.body()).as(path).contains("Page not found");
            assertThat(header(answer, "Content-Security-Policy")).as(path).isNotNull();
        }
        assertThat(sendFrom(null, "GET", "/login", null).statusCode()).isEqualTo(200);
        assertThat(sendFrom(null, "GET", "/codes", null).statusCode())
                .as("sign in first")
                .isEqualTo(302);
        assertThat(sendFrom(null, "GET", "/web/nope", null).statusCode()).isEqualTo(401);
        EnteTestClient browser = new EnteTestClient(base("/"));
        EnteTestClient.expect(browser.logIn(email, PASSWORD), 200);
        HttpViewer signedIn = HttpViewer.load(http, base("/"), "/login").signIn(browser.token());
        assertThat(signedIn.get("/codes")).isEqualTo(200);
        assertThat(signedIn.get("/codez")).isEqualTo(404);
        assertThat(signedIn.get("/settings/x")).isEqualTo(404);
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base(path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, @Nullable String type, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base(path)).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendWithToken(String method, String path, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base(path))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendFrom(@Nullable String origin, String method, String path, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Client-Package", "io.ente.auth.web");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI base(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String body(String... pairs) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return JSON.writeValueAsString(fields);
    }

    private static @Nullable String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String code(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return body.path("code").asString();
    }
}
