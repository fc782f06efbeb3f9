package dev.keyhole.passkey;

import static dev.keyhole.passkey.PasswordSignIn.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteTestClient.Response;
import dev.keyhole.sync.EnteTwoFactorClient;
import dev.keyhole.sync.MutableClock;
import dev.keyhole.sync.TestClockConfiguration;
import dev.keyhole.testing.TestLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "A passkey after the password" on the sync API, as an Ente client meets it: the password (or emailed code)
 * alone gets a passkeySessionID and no token; begin and finish with one of the account's passkeys get the
 * sealed token, which then works on the sync API; get-token hands it to clients that poll.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=" + SecondFactorContract.CODE,
            "keyhole.public-url=http://localhost:0",
            "keyhole.passkeys.disable-requirement-for=nobody-yet@example.test",
            "vaadin.productionMode=true",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class SecondFactorContract {

    static final String CODE = "123456";
    static final String PASSWORD = "correct horse battery staple";
    private static final Set<String> PENDING_FIELDS =
            Set.of("id", "passkeySessionID", "accountsUrl", "twoFactorSessionID", "twoFactorSessionIDV2");
    private static EnteKeys keys;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PasskeyService passkeys;

    @Autowired
    AccountService accounts;

    @Autowired
    PasskeyRequirementRecovery recovery;

    @Autowired
    PasskeyProperties properties;

    @Autowired
    JdbcClient jdbc;

    private String email;
    private UserId alice;
    private EmulatedPasskey laptop;
    private String laptopId;

    @BeforeEach
    void aliceRequiresHerPasskeyAfterThePassword() {
        email = newEmail("alice");
        alice = signUp(email);
        laptop = new EmulatedPasskey(origin());
        laptopId = register(alice, laptop);
        passkeys.requireAfterPassword(alice, true);
    }

    @Test
    void passwordAloneThenPasskeySessionAndNoToken() {
        long tokensBefore = tokens(alice);

        JsonNode answer = expect(PasswordSignIn.verifySession(newClient(), email, PASSWORD), 200)
                .body();

        assertThat(Set.copyOf(answer.propertyNames())).isEqualTo(plus(PENDING_FIELDS, "srpM2"));
        assertThat(answer.path("id").asLong()).isEqualTo(alice.value());
        String sessionId = answer.path("passkeySessionID").asString();
        assertThat(sessionId).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(sessionId)).hasSize(32);
        assertThat(answer.path("accountsUrl").asString()).isEqualTo(origin());
        assertThat(answer.path("twoFactorSessionID").asString()).isEmpty();
        assertThat(answer.path("twoFactorSessionIDV2").asString()).isEmpty();
        assertThat(tokens(alice)).isEqualTo(tokensBefore);
    }

    @Test
    void passkeyAfterThePasswordThenTokenThatWorksOnTheSyncApi() {
        String sessionId = pendingSignIn();

        JsonNode begun = expect(begin(sessionId), 200).body();
        JsonNode publicKey = begun.path("options").path("publicKey");
        assertThat(publicKey.path("rpId").asString()).isEqualTo("localhost");
        assertThat(publicKey.path("timeout").asLong()).isEqualTo(300_000);
        assertThat(publicKey.path("userVerification").asString()).isEqualTo("required");
        assertThat(publicKey.path("allowCredentials")).hasSize(1);
        assertThat(publicKey.path("allowCredentials").get(0).path("type").asString())
                .isEqualTo("public-key");
        assertThat(publicKey.path("allowCredentials").get(0).path("id").asString())
                .isEqualTo(laptopId);
        assertThat(publicKey.has("extensions")).as("no PRF for a second factor").isFalse();
        byte[] challenge =
                Base64.getUrlDecoder().decode(publicKey.path("challenge").asString());
        assertThat(challenge).hasSize(32);

        JsonNode signedIn = expect(
                        finish(
                                sessionId,
                                begun.path("ceremonySessionID").asString(),
                                laptop.get(challenge, "localhost")),
                        200)
                .body();

        assertThat(Set.copyOf(signedIn.propertyNames()))
                .containsExactlyInAnyOrder("id", "keyAttributes", "encryptedToken");
        assertThat(signedIn.path("id").asLong()).isEqualTo(alice.value());
        EnteTestClient device = newClient();
        device.useToken(PasswordSignIn.openToken(signedIn, PASSWORD));
        assertThat(expect(device.get("/users/sessions"), 200).body().path("sessions"))
                .hasSize(2);
        expect(device.get("/authenticator/key"), 404);
        assertThat(passkeys.list(alice).getFirst().lastUsedAt()).isNotNull();
    }

    @Test
    void getTokenBeforeFinishThenNotVerifiedAfterItThenTheSameSignIn() {
        String sessionId = pendingSignIn();
        EnteTestClient poller = newClient();

        assertThat(expect(getToken(poller, sessionId), 400).code()).isEqualTo("PASSKEY_NOT_VERIFIED");
        JsonNode finished = approve(sessionId, laptop);

        JsonNode polled = expect(getToken(poller, sessionId), 200).body();
        assertThat(polled).isEqualTo(finished);
        assertThat(PasswordSignIn.openToken(polled, PASSWORD)).hasSize(44);
    }

    @Test
    void anotherAccountsPasskeyThenRejectedAndTheCeremonyIsUsedUp() {
        String bobEmail = newEmail("bob");
        EmulatedPasskey bobsKey = new EmulatedPasskey(origin());
        register(signUp(bobEmail), bobsKey);
        String sessionId = pendingSignIn();
        JsonNode begun = expect(begin(sessionId), 200).body();
        byte[] challenge = challengeOf(begun);
        String ceremonyId = begun.path("ceremonySessionID").asString();

        Response refused = expect(finish(sessionId, ceremonyId, bobsKey.get(challenge, "localhost")), 401);

        assertThat(refused.code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(refused.body().has("encryptedToken")).isFalse();
        assertThat(expect(getToken(newClient(), sessionId), 400).code()).isEqualTo("PASSKEY_NOT_VERIFIED");
        assertThat(expect(finish(sessionId, ceremonyId, laptop.get(challenge, "localhost")), 400)
                        .code())
                .isEqualTo("CEREMONY_EXPIRED");
        approve(sessionId, laptop);
    }

    @Test
    void replayedAnswerThenRefusedWithoutToken() {
        String sessionId = pendingSignIn();
        JsonNode begun = expect(begin(sessionId), 200).body();
        String answer = laptop.get(challengeOf(begun), "localhost");
        String ceremonyId = begun.path("ceremonySessionID").asString();
        expect(finish(sessionId, ceremonyId, answer), 200);
        long tokens = tokens(alice);

        assertThat(expect(finish(sessionId, ceremonyId, answer), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
        assertThat(expect(begin(sessionId), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
        String another = pendingSignIn();
        String anotherCeremony =
                expect(begin(another), 200).body().path("ceremonySessionID").asString();
        assertThat(expect(finish(another, anotherCeremony, answer), 401).code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(tokens(alice)).isEqualTo(tokens);
    }

    @Test
    void expiredPendingSignInOrCeremonyThenRefused() {
        String forgotten = pendingSignIn();
        String slow = pendingSignIn();
        JsonNode slowBegun = expect(begin(slow), 200).body();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(expect(
                                finish(
                                        slow,
                                        slowBegun.path("ceremonySessionID").asString(),
                                        laptop.get(challengeOf(slowBegun), "localhost")),
                                400)
                        .code())
                .isEqualTo("CEREMONY_EXPIRED");
        JsonNode late = expect(begin(forgotten), 200).body();
        clock.advance(Duration.ofMinutes(5));

        assertThat(expect(
                                finish(
                                        forgotten,
                                        late.path("ceremonySessionID").asString(),
                                        laptop.get(challengeOf(late), "localhost")),
                                400)
                        .code())
                .isEqualTo("PASSKEY_SESSION_EXPIRED");
        assertThat(expect(begin(slow), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
        assertThat(expect(getToken(newClient(), slow), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
    }

    @Test
    void finishedSignInIsNoLongerHandedOutOnceExpired() {
        String sessionId = pendingSignIn();
        approve(sessionId, laptop);
        clock.advance(PasskeySecondFactor.PENDING_LIFETIME.plusSeconds(1));

        assertThat(expect(getToken(newClient(), sessionId), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
    }

    @Test
    void emailCodeSignInThenAlsoWaitsForThePasskey() {
        JsonNode answer = expect(PasswordSignIn.verifyEmail(newClient(), email, CODE), 200)
                .body();

        assertThat(Set.copyOf(answer.propertyNames())).isEqualTo(PENDING_FIELDS);
        JsonNode signedIn = approve(answer.path("passkeySessionID").asString(), laptop);
        EnteTestClient device = newClient();
        device.useToken(PasswordSignIn.openToken(signedIn, PASSWORD));
        expect(device.get("/users/sessions"), 200);
    }

    @Test
    void policyOffThenSignInAsBefore() {
        passkeys.requireAfterPassword(alice, false);

        JsonNode answer = expect(PasswordSignIn.verifySession(newClient(), email, PASSWORD), 200)
                .body();

        assertThat(answer.path("passkeySessionID").asString()).isEmpty();
        assertThat(answer.path("accountsUrl").asString()).isEmpty();
        assertThat(answer.has("encryptedToken") && answer.has("keyAttributes")).isTrue();
        EnteTestClient device = newClient();
        device.useToken(PasswordSignIn.openToken(answer, PASSWORD));
        expect(device.get("/users/sessions"), 200);
    }

    @Test
    void deletingTheLastPasskeyThenPolicyOffAndNoPasskeyAsked() {
        passkeys.delete(alice, laptopId);

        assertThat(passkeys.requiredAfterPassword(alice)).isFalse();
        JsonNode answer = expect(PasswordSignIn.verifySession(newClient(), email, PASSWORD), 200)
                .body();
        assertThat(answer.has("encryptedToken")).isTrue();
    }

    @Test
    void recoverySettingThenPolicyOffAndOneLogLinePerAccount(CapturedOutput output) {
        assertThat(properties.disableRequirementFor()).containsExactly("nobody-yet@example.test");

        recovery.turnOffFor(List.of(email.toUpperCase(java.util.Locale.ROOT), "nobody@example.test"));

        assertThat(passkeys.requiredAfterPassword(alice)).isFalse();
        assertThat(output.getAll())
                .contains("account " + alice.value() + " (" + email.toUpperCase(java.util.Locale.ROOT)
                        + ") no longer requires a passkey after the password");
        assertThat(output.getAll()).contains("no account has the email nobody@example.test");
        assertThat(expect(PasswordSignIn.verifySession(newClient(), email, PASSWORD), 200)
                        .body()
                        .has("encryptedToken"))
                .isTrue();
        assertThat(passkeys.list(alice)).hasSize(1);
    }

    @Test
    void unknownOrMissingIdsThenJsonErrorsAndNoToken() {
        String sessionId = pendingSignIn();
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        EnteTestClient client = newClient();

        assertThat(expect(begin(unknown), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
        assertThat(expect(client.post("/users/two-factor/passkeys/begin", JSON.createObjectNode()), 400)
                        .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(expect(getToken(client, unknown), 400).code()).isEqualTo("PASSKEY_SESSION_EXPIRED");
        JsonNode begun = expect(begin(sessionId), 200).body();
        assertThat(expect(finish(sessionId, unknown, laptop.get(challengeOf(begun), "localhost")), 400)
                        .code())
                .isEqualTo("CEREMONY_EXPIRED");
        assertThat(expect(finish(sessionId, begun.path("ceremonySessionID").asString(), "{\"id\":\"x\"}"), 401)
                        .code())
                .isEqualTo("PASSKEY_REJECTED");
        assertThat(expect(getToken(client, sessionId), 400).code()).isEqualTo("PASSKEY_NOT_VERIFIED");
    }

    @Test
    void noLogLineCarriesASessionIdCeremonyIdOrToken(CapturedOutput output) {
        String sessionId = pendingSignIn();
        JsonNode begun = expect(begin(sessionId), 200).body();
        JsonNode signedIn = expect(
                        finish(
                                sessionId,
                                begun.path("ceremonySessionID").asString(),
                                laptop.get(challengeOf(begun), "localhost")),
                        200)
                .body();

        for (String secret : new String[] {
            sessionId,
            begun.path("ceremonySessionID").asString(),
            signedIn.path("encryptedToken").asString(),
            PasswordSignIn.openToken(signedIn, PASSWORD)
        }) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("Account " + alice.value() + " passed the password check");
    }

    /** Ente's combined shape: either factor completes the sign-in; here the TOTP code, by the V2 id. */
    @Test
    void withTotpOnTooTheAnswerOffersBothAndTheTotpCodeCompletesIt() {
        EnteTestClient phone = newClient();
        String bob = newEmail("bob");
        phone.signUp(bob, CODE, keys());
        UserId bobId = accounts.findByEmail(bob).orElseThrow();
        register(bobId, new EmulatedPasskey(origin()));
        passkeys.requireAfterPassword(bobId, true);
        EnteTwoFactorClient.Authenticator app = EnteTwoFactorClient.turnOn(phone, clock);
        clock.advance(Duration.ofSeconds(30));

        JsonNode answer = expect(PasswordSignIn.verifySession(newClient(), bob, PASSWORD), 200)
                .body();

        assertThat(Set.copyOf(answer.propertyNames())).isEqualTo(plus(PENDING_FIELDS, "srpM2"));
        assertThat(answer.path("passkeySessionID").asString()).hasSize(43);
        assertThat(answer.path("accountsUrl").asString()).isEqualTo(origin());
        assertThat(answer.path("twoFactorSessionID").asString()).isEmpty();
        String totpSession = answer.path("twoFactorSessionIDV2").asString();
        assertThat(totpSession).hasSize(43);
        JsonNode signedIn = expect(EnteTwoFactorClient.verify(newClient(), totpSession, app.code()), 200)
                .body();
        assertThat(signedIn.path("id").asLong()).isEqualTo(bobId.value());
        assertThat(signedIn.has("encryptedToken")).isTrue();
    }

    /** Signs in with the password; the server holds the sign-in and names the pending session. */
    private String pendingSignIn() {
        String sessionId = expect(PasswordSignIn.verifySession(newClient(), email, PASSWORD), 200)
                .body()
                .path("passkeySessionID")
                .asString();
        assertThat(sessionId).isNotEmpty();
        return sessionId;
    }

    /** begin, the authenticator's answer, finish: what the /passkeys/verify page does in a browser. */
    private JsonNode approve(String sessionId, EmulatedPasskey authenticator) {
        JsonNode begun = expect(begin(sessionId), 200).body();
        return expect(
                        finish(
                                sessionId,
                                begun.path("ceremonySessionID").asString(),
                                authenticator.get(challengeOf(begun), "localhost")),
                        200)
                .body();
    }

    private Response begin(String sessionId) {
        return newClient().post("/users/two-factor/passkeys/begin?sessionID=" + sessionId, JSON.createObjectNode());
    }

    private Response finish(String sessionId, String ceremonyId, String credentialJson) {
        return newClient()
                .post(
                        "/users/two-factor/passkeys/finish?ceremonySessionID=" + ceremonyId + "&sessionID=" + sessionId,
                        JSON.readTree(credentialJson));
    }

    private static Response getToken(EnteTestClient client, String sessionId) {
        return client.get("/users/two-factor/passkeys/get-token?sessionID=" + sessionId);
    }

    private static byte[] challengeOf(JsonNode begun) {
        return Base64.getUrlDecoder()
                .decode(begun.path("options")
                        .path("publicKey")
                        .path("challenge")
                        .asString());
    }

    private String register(UserId user, EmulatedPasskey authenticator) {
        passkeys.registrationOptions(user, "user@example.test", passkeys.newCeremony(Ceremony.Kind.REGISTRATION));
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
        return passkeys.register(user, ceremony, authenticator.create(ceremony.challenge(), "localhost"), "Laptop")
                .id();
    }

    private UserId signUp(String address) {
        newClient().signUp(address, CODE, keys());
        return accounts.findByEmail(address).orElseThrow();
    }

    private long tokens(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM tokens WHERE user_id = ?")
                .param(user.value())
                .query(Long.class)
                .single();
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private EnteTestClient newClient() {
        return new EnteTestClient(URI.create(origin()));
    }

    private static Set<String> plus(Set<String> base, String more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(more))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String newEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.test";
    }

    private static synchronized EnteKeys keys() {
        if (keys == null) {
            keys = EnteKeys.generate(PASSWORD);
        }
        return keys;
    }
}
