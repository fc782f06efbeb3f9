package dev.keyhole.ratelimit;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteTestClient.Response;
import dev.keyhole.sync.MutableClock;
import dev.keyhole.sync.TestClockConfiguration;
import dev.keyhole.testing.TestDatabases;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server on its default limits, listening on loopback, and clients at different loopback addresses: a
 * stranger at 127.0.0.2 who hammers the owner's account is refused (429), while the owner at 127.0.0.1
 * signs in with the password and with an emailed code; and one address that tries many identities is
 * limited across all of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "keyhole.public-url=http://localhost:${local.server.port:0}",
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=" + StrangerCannotLockOutTheOwnerIT.CODE
        })
@Import(TestClockConfiguration.class)
class StrangerCannotLockOutTheOwnerIT {

    static final String CODE = "123456";
    private static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The default burst of every endpoint open before sign-in. */
    private static final int BURST = 10;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Test
    void theStrangerHammeringTheOwnersAccountIsLimitedWhileTheOwnerSignsIn() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        EnteTestClient ownerPhone = client("127.0.0.1");
        ownerPhone.signUp(email, CODE, EnteKeys.generate(PASSWORD));
        String srpUserId = expect(ownerPhone.get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes")
                .path("srpUserID")
                .asString();
        EnteTestClient stranger = client("127.0.0.2");

        List<Response> sessions = hammer(i -> createSession(stranger, srpUserId));
        List<String> sessionIds = sessions.stream()
                .filter(answer -> answer.status() == 200)
                .map(answer -> answer.body().path("sessionID").asString())
                .toList();
        assertLimitedAfterBurst(sessions, 200);
        assertLimitedAfterBurst(
                hammer(i -> stranger.post(
                        "/users/srp/verify-session",
                        JSON.createObjectNode()
                                .put("sessionID", sessionIds.get(i % sessionIds.size()))
                                .put("srpUserID", srpUserId)
                                .put("srpM1", b64(Sodium.randomBytes(32))))),
                401);
        assertLimitedAfterBurst(hammer(i -> sendCode(stranger, email)), 200);
        assertLimitedAfterBurst(hammer(i -> verifyCode(stranger, email, "%06d".formatted(i))), 401);
        assertLimitedAfterBurst(
                hammer(i -> stranger.post(
                        "/users/two-factor/passkeys/begin?sessionID=" + b64url(Sodium.randomBytes(32)),
                        JSON.createObjectNode())),
                400);
        ViewerPage strangersBrowser = ViewerPage.open(baseUrl(), address("127.0.0.2"));
        assertLimitedAfterBurst(
                hammer(i -> strangersBrowser.post("/web/passkeys/sign-in/options", JSON.createObjectNode())), 200);
        assertLimitedAfterBurst(
                hammer(i -> strangersBrowser.post(
                        "/web/session", JSON.createObjectNode().put("token", b64url(Sodium.randomBytes(32))))),
                401);

        EnteTestClient ownerLaptop = client("127.0.0.1");
        expect(ownerLaptop.logIn(email, PASSWORD), 200);
        expect(ownerLaptop.get("/users/sessions"), 200);
        ViewerPage ownersBrowser = ViewerPage.open(baseUrl(), address("127.0.0.1"));
        expect(ownersBrowser.post("/web/session", JSON.createObjectNode().put("token", ownerLaptop.token())), 200);
        EnteTestClient ownerTablet = client("127.0.0.1");
        expect(sendCode(ownerTablet, email), 200);
        expect(verifyCode(ownerTablet, email, CODE), 200);
    }

    @Test
    void anEmailedCodeCountsTriesAndWorksOnlyFromTheAddressThatAskedForIt() {
        String email = anyEmail();
        expect(sendCode(client("127.0.0.5"), email), 200);

        // This server's codes for the test domain are fixed, so the stranger holds the right one.
        assertThat(expect(verifyCode(client("127.0.0.6"), email, CODE), 410).code())
                .isEqualTo("CODE_EXPIRED");
        expect(verifyCode(client("127.0.0.5"), email, CODE), 200);
    }

    @Test
    void oneAddressTryingManyIdentitiesIsLimitedAcrossThemThenRefilledOncePerMinute() {
        EnteTestClient prober = client("127.0.0.3");

        List<Response> attributes = hammer(i -> prober.get("/users/srp/attributes?email=" + anyEmail()));
        List<Response> codes = hammer(i -> sendCode(prober, anyEmail()));
        List<Response> sessions =
                hammer(i -> createSession(prober, UUID.randomUUID().toString()));

        assertLimitedAfterBurst(attributes, 200);
        assertLimitedAfterBurst(codes, 200);
        // An unknown srpUserID is a decoy's: one in five claims email verification, as Ente's do, and
        // create-session answers it 409 EMAIL_MFA_ENABLED exactly as it would a real such account.
        assertLimitedAfterBurst(sessions, 200, 409);
        for (List<Response> answers : List.of(attributes, codes, sessions)) {
            assertThat(answers.getLast().code()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(answers.getLast().retryAfter()).isEqualTo("60");
        }
        clock.advance(Duration.ofMinutes(1));
        expect(prober.get("/users/srp/attributes?email=" + anyEmail()), 200);
        expect(prober.get("/users/srp/attributes?email=" + anyEmail()), 429);
        expect(client("127.0.0.4").get("/users/srp/attributes?email=" + anyEmail()), 200);
    }

    /** The first {@link #BURST} answers are the endpoint's own; every one after them is a 429. */
    private static void assertLimitedAfterBurst(List<Response> answers, int... ownStatuses) {
        List<Integer> own = Arrays.stream(ownStatuses).boxed().toList();
        assertThat(answers.subList(0, BURST)).extracting(Response::status).allMatch(own::contains);
        assertThat(answers.subList(BURST, answers.size())).isNotEmpty().allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.code()).isNotEmpty();
            assertThat(Long.parseLong(refused.retryAfter())).isPositive();
        });
    }

    /** Twice the burst, one after another. */
    private static List<Response> hammer(IntFunction<Response> request) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 2 * BURST; i++) {
            answers.add(request.apply(i));
        }
        return answers;
    }

    private static Response createSession(EnteTestClient device, String srpUserId) {
        byte[] publicA = new SrpClient(Sodium.randomBytes(16), srpUserId, Sodium.randomBytes(16)).publicA();
        return device.post(
                "/users/srp/create-session",
                JSON.createObjectNode().put("srpUserID", srpUserId).put("srpA", b64(publicA)));
    }

    private static Response sendCode(EnteTestClient device, String email) {
        return device.post(
                "/users/ott", JSON.createObjectNode().put("email", email).put("purpose", "login"));
    }

    private static Response verifyCode(EnteTestClient device, String email, String code) {
        return device.post(
                "/users/verify-email",
                JSON.createObjectNode().put("email", email).put("ott", code));
    }

    private static String anyEmail() {
        return "someone-" + UUID.randomUUID() + "@example.test";
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private EnteTestClient client(String localAddress) {
        return new EnteTestClient(URI.create(baseUrl()), address(localAddress));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
