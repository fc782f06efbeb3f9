package dev.keyhole.viewer.passkeys;

import static dev.keyhole.viewer.passkeys.PasskeyEndpointsContract.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.viewer.passkeys.BrowserSession.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the passkey endpoints refuse: strangers, requests without the CSRF token, and bad input. */
class PasskeyRefusalsIT extends PasskeyServerCase {

    /** Every endpoint that needs a signed-in account, with a body of the right shape. */
    private static final List<String[]> ACCOUNT_ENDPOINTS = List.of(
            new String[] {"GET", "/web/passkeys", null},
            new String[] {"POST", "/web/passkeys/registration/options", null},
            new String[] {"POST", "/web/passkeys/registration", "{\"name\":\"Laptop\",\"credential\":{}}"},
            new String[] {"PUT", "/web/passkeys/AAAA/prf-key", "{\"salt\":\"\",\"wrappedKey\":\"\",\"nonce\":\"\"}"},
            new String[] {"PATCH", "/web/passkeys/AAAA", "{\"name\":\"Laptop\"}"},
            new String[] {"DELETE", "/web/passkeys/AAAA", null},
            new String[] {"PUT", "/web/passkeys/policy", "{\"requiredAfterPassword\":false}"},
            new String[] {"POST", "/web/passkeys/unlock/options", null},
            new String[] {"POST", "/web/passkeys/unlock", "{\"credential\":{}}"});

    private static final List<String[]> SIGN_IN_ENDPOINTS = List.of(
            new String[] {"POST", "/web/passkeys/sign-in/options", null},
            new String[] {"POST", "/web/passkeys/sign-in", "{\"credential\":{}}"});

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Test
    void aBrowserThatIsNotSignedInReachesOnlyTheSignInEndpoints() {
        BrowserSession stranger = anonymousBrowser();

        for (String[] endpoint : ACCOUNT_ENDPOINTS) {
            Response response = stranger.send(endpoint[0], endpoint[1], endpoint[2]);
            assertThat(response.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(response.code()).isEqualTo("NOT_SIGNED_IN");
        }
        assertThat(stranger.post("/web/passkeys/sign-in/options", null).status())
                .isEqualTo(200);
    }

    @Test
    void noPasskeyRequestThatChangesSomethingPassesWithoutTheCsrfToken() {
        BrowserSession signedIn = signedIn(signUp("csrf")).withoutCsrfToken();
        BrowserSession anonymous = anonymousBrowser().withoutCsrfToken();

        for (String[] endpoint : ACCOUNT_ENDPOINTS) {
            if (!endpoint[0].equals("GET")) {
                Response response = signedIn.send(endpoint[0], endpoint[1], endpoint[2]);
                assertThat(response.status())
                        .as(endpoint[0] + " " + endpoint[1])
                        .isEqualTo(403);
                assertThat(response.code()).isEqualTo("FORBIDDEN");
            }
        }
        for (String[] endpoint : SIGN_IN_ENDPOINTS) {
            assertThat(anonymous.send(endpoint[0], endpoint[1], endpoint[2]).status())
                    .as(endpoint[1])
                    .isEqualTo(403);
            assertThat(anonymous
                            .withoutCookie()
                            .send(endpoint[0], endpoint[1], endpoint[2])
                            .status())
                    .isEqualTo(403);
        }
        assertThat(signedIn.get("/web/passkeys").status())
                .as("reading needs no token")
                .isEqualTo(200);
    }

    @Test
    void badRegistrationsGetAClearErrorAndStoreNothing() {
        BrowserSession browser = signedIn(signUp("badreg"));
        String valid = newAuthenticator().create(challenge(registrationOptions(browser)), "localhost");

        expectError(
                browser.post("/web/passkeys/registration", json("{\"credential\":" + valid + "}")),
                400,
                "MISSING_FIELD");
        expectError(browser.post("/web/passkeys/registration", json("{\"name\":\"Laptop\"}")), 400, "MISSING_FIELD");
        expectError(
                browser.post("/web/passkeys/registration", json("{\"name\":\"Laptop\",\"credential\":null}")),
                400,
                "MISSING_FIELD");
        expectError(
                browser.post(
                        "/web/passkeys/registration", json("{\"name\":\"Laptop\",\"credential\":\"" + "x" + "\"}")),
                400,
                "INVALID_FIELD");
        expectError(browser.send("POST", "/web/passkeys/registration", "{\"name\":"), 400, "MALFORMED_JSON");
        ObjectNode huge = BrowserSession.JSON.createObjectNode().put("id", "x".repeat(70_000));
        expectError(answerRegistration(browser, huge.toString(), "Laptop"), 400, "INVALID_FIELD");
        registrationOptions(browser);
        expectError(
                answerRegistration(browser, "{\"id\":\"AAAA\",\"type\":\"public-key\"}", "Laptop"),
                401,
                "PASSKEY_REJECTED");
        JsonNode options = registrationOptions(browser);
        expectError(
                answerRegistration(
                        browser, newAuthenticator().create(challenge(options), "localhost"), "x".repeat(101)),
                400,
                "INVALID_NAME");
        expectError(answerRegistration(browser, valid, "Laptop"), 400, "CEREMONY_EXPIRED");

        assertThat(browser.get("/web/passkeys").body().path("passkeys").isEmpty())
                .isTrue();
    }

    @Test
    void theAuthenticatorsPrfOutputIsRefusedAndNeverStored() {
        BrowserSession browser = signedIn(signUp("prfout"));
        EmulatedPasskey authenticator = newAuthenticator();
        String created = newAuthenticator().create(challenge(registrationOptions(browser)), "localhost");
        expectError(answerRegistration(browser, withPrfResults(created), "Laptop"), 400, "PRF_OUTPUT_SENT");
        register(browser, authenticator, "Laptop");
        BrowserSession stranger = anonymousBrowser();

        Response signIn = answer(
                stranger, "/web/passkeys/sign-in", withPrfResults(assertion(authenticator, signInOptions(stranger))));

        expectError(signIn, 400, "PRF_OUTPUT_SENT");
        assertThat(stranger.get("/web/vault").status()).isEqualTo(401);
    }

    @Test
    void badManagementRequestsGetAClearError() {
        BrowserSession browser = signedIn(signUp("badmgmt"));
        String id = register(browser, newAuthenticator(), "Laptop");
        String prfKey = "/web/passkeys/" + id + "/prf-key";

        expectError(browser.put(prfKey, json("{}")), 400, "MISSING_FIELD");
        ObjectNode notBase64 = prfKey((byte) 1).put("salt", "not base64!");
        expectError(browser.put(prfKey, notBase64), 400, "INVALID_FIELD");
        ObjectNode urlSafe = prfKey((byte) -1).put("nonce", "____________________________________");
        expectError(browser.put(prfKey, urlSafe), 400, "INVALID_FIELD");
        ObjectNode tooShort = prfKey((byte) 1).put("wrappedKey", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        expectError(browser.put(prfKey, tooShort), 400, "INVALID_FIELD");
        expectError(browser.put("/web/passkeys/AAAA/prf-key", prfKey((byte) 1)), 404, "NOT_FOUND");
        expectError(browser.patch("/web/passkeys/" + id, json("{}")), 400, "MISSING_FIELD");
        expectError(browser.patch("/web/passkeys/" + id, json("{\"name\":\"   \"}")), 400, "INVALID_NAME");
        expectError(
                browser.patch("/web/passkeys/" + id, json("{\"name\":\"" + "x".repeat(101) + "\"}")),
                400,
                "INVALID_NAME");
        expectError(browser.patch("/web/passkeys/AAAA", json("{\"name\":\"Mine\"}")), 404, "NOT_FOUND");
        expectError(browser.put("/web/passkeys/policy", json("{}")), 400, "MISSING_FIELD");
        expectError(
                browser.send("PUT", "/web/passkeys/policy", "{\"requiredAfterPassword\":\"maybe\"}"),
                400,
                "MALFORMED_JSON");
        expectError(browser.post("/web/passkeys/unlock", json("{\"credential\":{}}")), 400, "CEREMONY_EXPIRED");
        expectError(browser.post("/web/passkeys/unlock", json("{}")), 400, "MISSING_FIELD");

        JsonNode listed = browser.get("/web/passkeys").body().path("passkeys").get(0);
        assertThat(listed.path("name").asString()).isEqualTo("Laptop");
        assertThat(listed.path("unlocksVault").asBoolean()).isFalse();
        assertThat(browser.get("/web/passkeys")
                        .body()
                        .path("requiredAfterPassword")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anAnswerWithoutAChallengeIsRefused() {
        BrowserSession browser = anonymousBrowser();
        EmulatedPasskey authenticator = newAuthenticator();
        register(signedIn(signUp("nochallenge")), authenticator, "Laptop");

        expectError(
                answer(browser, "/web/passkeys/sign-in", authenticator.get(new byte[32], "localhost")),
                400,
                "CEREMONY_EXPIRED");
        expectError(browser.post("/web/passkeys/sign-in", json("{\"credential\":[]}")), 400, "INVALID_FIELD");
        assertThat(browser.get("/web/vault").status()).isEqualTo(401);
    }

    private static void expectError(Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.code()).as(response.raw()).isEqualTo(code);
        assertThat(response.body().path("message").asString()).isNotBlank();
    }

    /** What Chromium's toJSON() gives when the PRF extension was evaluated: the output itself. */
    private static String withPrfResults(String credential) {
        ObjectNode node = (ObjectNode) BrowserSession.JSON.readTree(credential);
        node.putObject("clientExtensionResults")
                .putObject("prf")
                .putObject("results")
                .put("first", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        return node.toString();
    }
}
