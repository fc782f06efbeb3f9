package dev.keyhole.viewer.passkeys;

import static dev.keyhole.viewer.passkeys.PasskeyEndpointsContract.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.viewer.passkeys.BrowserSession.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The passkey endpoints keep the viewer's two promises: a browser session writes no code (only passkeys and
 * their policy), and nothing a browser sends for a passkey ends up in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasskeyReadOnlyIT extends PasskeyServerCase {

    private static final List<String> PATHS = List.of(
            "/web/passkeys",
            "/web/passkeys/registration/options",
            "/web/passkeys/registration",
            "/web/passkeys/AAAA/prf-key",
            "/web/passkeys/AAAA",
            "/web/passkeys/policy",
            "/web/passkeys/unlock/options",
            "/web/passkeys/unlock",
            "/web/passkeys/sign-in/options",
            "/web/passkeys/sign-in");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Test
    void everyPasskeyEndpointLeavesTheVaultAsTheSyncClientWroteIt() {
        Account account = signUp("readonly");
        new EnteVaultClient(account.phone())
                .openOrCreateKey()
                .create("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        String before = vault(account.phone());
        BrowserSession browser = signedIn(account);
        EmulatedPasskey authenticator = newAuthenticator();

        String id = register(browser, authenticator, "Laptop");
        browser.put("/web/passkeys/" + id + "/prf-key", prfKey((byte) 5));
        browser.patch("/web/passkeys/" + id, json("{\"name\":\"Renamed\"}"));
        browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":true}"));
        assertThat(answer(
                                browser,
                                "/web/passkeys/unlock",
                                assertion(
                                        authenticator,
                                        browser.post("/web/passkeys/unlock/options", null)
                                                .body()))
                        .status())
                .isEqualTo(200);
        BrowserSession passkeySession = signInWithPasskey(authenticator);
        assertThat(passkeySession.get("/web/vault").status()).isEqualTo(200);
        List<String> answered = new ArrayList<>();
        for (BrowserSession session : List.of(browser, passkeySession, anonymousBrowser())) {
            for (String path : PATHS) {
                for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                    answered.add(method + " " + path + " "
                            + session.send(method, path, "{}").status());
                }
            }
        }
        assertThat(passkeySession.delete("/web/passkeys/" + id).status()).isEqualTo(204);

        assertThat(answered).as("nothing failed on the server").noneMatch(line -> line.endsWith(" 500"));
        assertThat(vault(account.phone())).isEqualTo(before);
    }

    @Test
    void nothingTheBrowserSendsOrReceivesForAPasskeyIsLogged(CapturedOutput output) {
        BrowserSession browser = signedIn(signUp("logs"));
        EmulatedPasskey authenticator = newAuthenticator();
        JsonNode options = registrationOptions(browser);
        String created = authenticator.create(challenge(options), "localhost");
        assertThat(answerRegistration(browser, created, "Laptop").status()).isEqualTo(201);
        String id = browser.get("/web/passkeys")
                .body()
                .path("passkeys")
                .get(0)
                .path("id")
                .asString();
        JsonNode wrapped = prfKey((byte) 0x5a);
        browser.put("/web/passkeys/" + id + "/prf-key", wrapped);
        BrowserSession stranger = anonymousBrowser();
        String signIn = assertion(authenticator, signInOptions(stranger));
        Response signedIn = answer(stranger, "/web/passkeys/sign-in", signIn);
        BrowserSession other = anonymousBrowser();
        signInOptions(other);
        assertThat(answer(other, "/web/passkeys/sign-in", signIn).code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(answer(other, "/web/passkeys/sign-in", "{\"id\":\"" + "Zm9v".repeat(20) + "\"}")
                        .code())
                .isEqualTo("CEREMONY_EXPIRED");

        List<String> secrets = new ArrayList<>();
        for (String credential : List.of(created, signIn)) {
            JsonNode response = BrowserSession.JSON.readTree(credential).path("response");
            // clientDataJSON, attestationObject, authenticatorData, signature (short fields tell nothing).
            response.propertyStream()
                    .map(field -> field.getValue().asString(""))
                    .filter(value -> value.length() > 16)
                    .forEach(secrets::add);
        }
        assertThat(secrets).hasSize(5);
        secrets.addAll(List.of(
                options.path("challenge").asString(),
                options.path("userHandle").asString(),
                wrapped.path("wrappedKey").asString(),
                signedIn.body().path("sessionKey").asString(),
                signedIn.body().path("csrfToken").asString()));
        assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(16));
        assertThat(output.getAll()).as("the log is captured").contains("passkey sign-in rejected");
        assertThat(output.getAll()).as("the log").doesNotContain(secrets);
    }

    /** The authenticator key and every entity as the sync API serves them: what a write would change. */
    private static String vault(EnteTestClient phone) {
        JsonNode key =
                EnteTestClient.expect(phone.get("/authenticator/key"), 200).body();
        JsonNode diff = EnteTestClient.expect(phone.get("/authenticator/entity/diff?sinceTime=0&limit=5000"), 200)
                .body()
                .path("diff");
        return key.toString() + diff.toString();
    }
}
