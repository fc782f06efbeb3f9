package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.MutableClock;
import dev.keyhole.sync.TestClockConfiguration;
import dev.keyhole.testing.TestLimits;
import dev.keyhole.viewer.passkeys.BrowserSession.Response;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole application on a random port (the relying party is {@code localhost} at that port), accounts
 * made through the sync API as an Ente client makes them, browsers that hold only a cookie and a CSRF
 * token, and webauthn4j's emulated authenticators in their place. Subclasses choose the database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "keyhole.public-url=http://localhost:${local.server.port:0}",
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
@Import(TestClockConfiguration.class)
abstract class PasskeyServerCase {

    static final String PASSWORD = "correct horse battery staple";
    private static EnteKeys keys;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    /** An account and the phone that made it (which keeps its own sync token). */
    record Account(String email, EnteTestClient phone) {}

    String baseUrl() {
        return "http://localhost:" + port;
    }

    EmulatedPasskey newAuthenticator() {
        return new EmulatedPasskey(baseUrl());
    }

    /** One Argon2id derivation for every account of the test run: the keys are not what is tested here. */
    static synchronized EnteKeys keys() {
        if (keys == null) {
            keys = EnteKeys.generate(PASSWORD);
        }
        return keys;
    }

    Account signUp(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.test";
        EnteTestClient phone = new EnteTestClient(URI.create(baseUrl()));
        phone.signUp(email, "123456", keys());
        return new Account(email, phone);
    }

    BrowserSession anonymousBrowser() {
        return BrowserSession.atLoginPage(baseUrl());
    }

    /** A browser signed in with the password, as the viewer's login page does it (SRP, then the token). */
    BrowserSession signedIn(Account account) {
        EnteTestClient browserClient = new EnteTestClient(URI.create(baseUrl()));
        EnteTestClient.expect(browserClient.logIn(account.email(), PASSWORD), 200);
        return anonymousBrowser().openWithToken(browserClient.token());
    }

    JsonNode registrationOptions(BrowserSession browser) {
        Response options = browser.post("/web/passkeys/registration/options", null);
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        return options.body();
    }

    /** Registers a passkey for the browser's account and returns its id. */
    String register(BrowserSession browser, EmulatedPasskey authenticator, String name) {
        Response created = answerRegistration(
                browser, authenticator.create(challenge(registrationOptions(browser)), "localhost"), name);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    Response answerRegistration(BrowserSession browser, String credential, String name) {
        ObjectNode body = BrowserSession.JSON.createObjectNode().put("name", name);
        body.set("credential", BrowserSession.JSON.readTree(credential));
        return browser.post("/web/passkeys/registration", body);
    }

    /** A wrapped key of the shape the browser makes: 32-byte salt, 48-byte secretbox of the master key, nonce. */
    static ObjectNode prfKey(byte fill) {
        Base64.Encoder b64 = Base64.getEncoder();
        return BrowserSession.JSON
                .createObjectNode()
                .put("salt", b64.encodeToString(filled(32, fill)))
                .put("wrappedKey", b64.encodeToString(filled(48, fill)))
                .put("nonce", b64.encodeToString(filled(24, fill)));
    }

    JsonNode signInOptions(BrowserSession browser) {
        Response options = browser.post("/web/passkeys/sign-in/options", null);
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        return options.body();
    }

    /** The authenticator's answer to the browser's current sign-in (or unlock) challenge. */
    static String assertion(EmulatedPasskey authenticator, JsonNode options) {
        return authenticator.get(challenge(options), options.path("rpId").asString());
    }

    static Response answer(BrowserSession browser, String path, String credential) {
        return browser.post(
                path,
                BrowserSession.JSON.createObjectNode().set("credential", BrowserSession.JSON.readTree(credential)));
    }

    /** A whole passkey sign-in in a new browser: login page, options, authenticator, answer. */
    BrowserSession signInWithPasskey(EmulatedPasskey authenticator) {
        BrowserSession browser = anonymousBrowser();
        Response signedIn = answer(browser, "/web/passkeys/sign-in", assertion(authenticator, signInOptions(browser)));
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        browser.useCsrfToken(signedIn.body().path("csrfToken").asString());
        return browser;
    }

    static byte[] challenge(JsonNode options) {
        return Base64.getUrlDecoder().decode(options.path("challenge").asString());
    }

    private static byte[] filled(int length, byte fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, fill);
        return bytes;
    }
}
