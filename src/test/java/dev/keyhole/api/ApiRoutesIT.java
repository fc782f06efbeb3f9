package dev.keyhole.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ServerCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The sync API's chain opens exactly the paths each feature declares public and asks a token for the rest
 * of what they claim, while paths no feature claims are left to the viewer's chain.
 */
class ApiRoutesIT extends ServerCase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachFeaturesPublicPathsNeedNoToken() throws Exception {
        assertThat(send("GET", "/ping").statusCode()).isEqualTo(200);
        // Open but given nothing: the endpoint itself refuses the request, not the chain.
        for (String[] request : new String[][] {
            {"POST", "/users/ott"},
            {"POST", "/users/verify-email"},
            {"GET", "/users/srp/attributes"},
            {"POST", "/users/srp/create-session"},
            {"POST", "/users/srp/verify-session"},
            {"POST", "/users/two-factor/passkeys/begin"},
            {"POST", "/users/two-factor/passkeys/finish"},
            {"GET", "/users/two-factor/passkeys/get-token"}
        }) {
            HttpResponse<String> response = send(request[0], request[1]);
            assertThat(response.statusCode()).as(request[1]).isEqualTo(400);
            assertThat(response.body()).as(request[1]).doesNotContain("UNAUTHORIZED");
        }
    }

    @Test
    void everythingElseTheFeaturesClaimNeedsAToken() throws Exception {
        for (String[] request : new String[][] {
            {"GET", "/users/attributes"},
            {"GET", "/users/sessions"},
            {"POST", "/users/srp/setup"},
            {"POST", "/users/logout"},
            {"GET", "/authenticator/key"},
            {"GET", "/authenticator/entity/diff"},
            {"POST", "/authenticator/entity"}
        }) {
            HttpResponse<String> response = send(request[0], request[1]);
            assertThat(response.statusCode()).as(request[1]).isEqualTo(401);
            assertThat(response.body()).as(request[1]).contains("\"code\":\"UNAUTHORIZED\"");
        }
    }

    @Test
    void pathsNoFeatureClaimsAreTheViewersNotTheApis() throws Exception {
        HttpResponse<String> response = send("GET", "/browser-check");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("X-Auth-Token");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.BodyPublisher body =
                method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(method, body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
