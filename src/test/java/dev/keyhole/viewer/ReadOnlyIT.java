package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only is enforced by the server: with a web session (cookie and CSRF token, all a browser holds),
 * no mutating request to any endpoint of the application succeeds except the session itself, the
 * viewer's settings, passkey challenges and ending a session, and the vault stays byte for byte as the
 * sync client left it.
 */
class ReadOnlyIT extends ViewerServerCase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ALLOWED = Set.of(
            "POST /web/session",
            "PUT /web/settings",
            "POST /web/logout",
            // Handing out a passkey challenge (kept in the HTTP session) needs no input; passkey ITs cover the rest.
            "POST /web/passkeys/registration/options",
            "POST /web/passkeys/unlock/options",
            "POST /web/passkeys/sign-in/options",
            // Ending one of the account's sessions writes no code; an unknown id is quietly nothing, as in
            // Ente's DELETE /users/session.
            "DELETE /web/sessions/00000000-0000-0000-0000-000000000000",
            // "Is this page's session on this node?" before a key derivation: reads and writes nothing.
            "POST /web/page-session");
    private static final List<String> MUTATING = List.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aWebSessionCanWriteNoCodeOnAnyEndpoint() throws Exception {
        TestAccount account = TestAccount.signUp(port, "readonly");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        String vaultBefore = vault(account);
        EnteTestClient browserClient = new EnteTestClient(URI.create(baseUrl()));
        EnteTestClient.expect(browserClient.logIn(account.email, TestAccount.PASSWORD), 200);
        WebSession session = WebSession.open(baseUrl(), browserClient.token());

        assertThat(browserClient
                        .get("/authenticator/entity/diff?sinceTime=0&limit=10")
                        .status())
                .as("the exchanged token is revoked")
                .isEqualTo(401);
        List<String> succeeded = new ArrayList<>();
        for (String path : paths()) {
            for (String method : MUTATING) {
                if ((method + " " + path).equals("POST /web/logout")) {
                    continue;
                }
                int status = session.send(method, path, "{}");
                if (status >= 200 && status < 300) {
                    succeeded.add(method + " " + path);
                }
            }
        }

        assertThat(succeeded).isSubsetOf(ALLOWED).doesNotContain("POST /web/session");
        assertThat(vault(account)).isEqualTo(vaultBefore);
        assertThat(session.send("GET", "/web/vault", null)).isEqualTo(200);
        assertThat(session.send("PUT", "/web/settings", "{\"autoLockMinutes\":0}"))
                .as("below the minimum")
                .isEqualTo(400);
        assertThat(session.send("PUT", "/web/settings", "{\"autoLockMinutes\":5000}"))
                .as("above the maximum")
                .isEqualTo(400);
        assertThat(session.send("POST", "/web/logout", null)).isEqualTo(204);
        assertThat(session.send("GET", "/web/vault", null)).as("after logout").isEqualTo(401);
    }

    /** Every path the application maps, variables filled in, plus the sync API's paths by name. */
    private List<String> paths() {
        Set<String> paths = new java.util.TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues()
                        .forEach(pattern ->
                                paths.add(pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"))));
        paths.addAll(List.of("/authenticator/entity?id=00000000-0000-0000-0000-000000000000", "/web/vault"));
        assertThat(paths).contains("/authenticator/entity", "/authenticator/key", "/web/session", "/web/settings");
        return List.copyOf(paths);
    }

    private static String vault(TestAccount account) {
        JsonNode key = account.client().get("/authenticator/key").body();
        JsonNode diff = account.client()
                .get("/authenticator/entity/diff?sinceTime=0&limit=5000")
                .body()
                .path("diff");
        return key.toString() + diff.toString();
    }

    /** The browser's side of a web session: its cookie and its CSRF token, nothing else. */
    private record WebSession(String baseUrl, String cookie, String csrfHeader, String csrfToken) {

        private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

        static WebSession open(String baseUrl, String token) throws IOException, InterruptedException {
            HttpResponse<String> page = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as("CSP on the login page")
                    .hasValueSatisfying(csp -> assertThat(csp).contains("connect-src 'self'"));
            String cookie = cookie(page);
            Matcher meta = META.matcher(page.body());
            String header = null;
            String csrf = null;
            while (meta.find()) {
                if (meta.group(1).equals("_csrf")) {
                    csrf = meta.group(2);
                } else {
                    header = meta.group(2);
                }
            }
            assertThat(csrf).as("CSRF meta tag").isNotNull();
            WebSession anonymous = new WebSession(baseUrl, cookie, header, csrf);
            HttpResponse<String> opened = anonymous.exchange("POST", "/web/session", "{\"token\":\"" + token + "\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
            String setCookie = opened.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst()
                    .orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String rotated = cookie(opened);
            assertThat(rotated).as("session id rotated").isNotEqualTo(cookie);
            return new WebSession(
                    baseUrl,
                    rotated,
                    header,
                    JSON.readTree(opened.body()).path("csrfToken").asString());
        }

        int send(String method, String path, String body) throws IOException, InterruptedException {
            return exchange(method, path, body).statusCode();
        }

        HttpResponse<String> exchange(String method, String path, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Cookie", cookie)
                    .header(csrfHeader, csrfToken)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String cookie(HttpResponse<?> response) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
