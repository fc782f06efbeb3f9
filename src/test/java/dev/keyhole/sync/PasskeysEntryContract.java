package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The "Passkeys" entry of Ente's Auth app (mobile/apps/auth/lib/ui/settings/security_section_widget.dart):
 * recovery status, accounts token, then a browser at {@code <accountsUrl>/passkeys?token=<accountsToken>},
 * which lands on Keyhole's own passkey page after signing in there. No credential is in that URL.
 */
abstract class PasskeysEntryContract extends AccountSettingsSupport {

    private static final HttpClient BROWSER = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void recoveryStatusSaysThereIsNothingForTheAppToConfigure() {
        EnteTestClient phone = signedUp(newEmail("recovery-status"));

        JsonNode status =
                expect(phone.get("/users/two-factor/recovery-status"), 200).body();

        assertThat(status.path("isPasskeyRecoveryEnabled").isBoolean()).isTrue();
        assertThat(status.path("isPasskeyRecoveryEnabled").asBoolean()).isTrue();
        assertThat(status.path("allowAdminReset").asBoolean()).isTrue();
    }

    @Test
    void accountsTokenNamesKeyholesOwnPageAndCarriesNoCredential() throws Exception {
        EnteTestClient phone = signedUp(newEmail("accounts-token"));
        long tokensBefore = count("SELECT COUNT(*) FROM tokens");

        JsonNode answer = expect(phone.get("/users/accounts-token"), 200).body();

        assertThat(answer.path("accountsUrl").asString()).isEqualTo("http://localhost:8080");
        assertThat(answer.path("accountsToken").isString()).isTrue();
        assertThat(answer.path("accountsToken").asString()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM tokens")).isEqualTo(tokensBefore);
    }

    @Test
    void thePageTheAppOpensRedirectsToSettingsWhichAsksTheBrowserToSignIn() throws Exception {
        HttpResponse<String> entry = browserGet("/passkeys?token=");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValue("/settings");
        assertThat(entry.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.contains("JSESSIONID") && !cookie.contains("Max-Age=0"));

        HttpResponse<String> settings = browserGet("/settings");
        assertThat(settings.statusCode()).isEqualTo(302);
        assertThat(settings.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/login"));
    }

    @Test
    void afterSigningInThereTheBrowserLandsOnSettings() throws Exception {
        String email = newEmail("lands-on-settings");
        signedUp(email);
        String browserToken = loggedIn(email).token();
        expectRedirect(browserGet("/passkeys?token=", null), "/settings");
        HttpResponse<String> toLogin = browserGet("/settings", null);
        String session = toLogin.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session remembered the page"));
        HttpResponse<String> login = browserGet("/login", session);
        assertThat(login.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).as("CSRF token in the login page").isTrue();

        HttpResponse<String> opened = BROWSER.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/web/session"))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + browserToken + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(EnteTestClient.JSON.readTree(opened.body()).path("next").asString())
                .isEqualTo("/settings");
    }

    @Test
    void withoutATokenBothCallsAreUnauthorized() {
        assertThat(expect(newClient().get("/users/two-factor/recovery-status"), 401)
                        .code())
                .isEqualTo("UNAUTHORIZED");
        expect(newClient().get("/users/accounts-token"), 401);
    }

    private HttpResponse<String> browserGet(String path) throws Exception {
        return browserGet(path, null);
    }

    private HttpResponse<String> browserGet(String path, @Nullable String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectRedirect(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(location);
    }
}
