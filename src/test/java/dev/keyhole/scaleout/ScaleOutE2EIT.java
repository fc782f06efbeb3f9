package dev.keyhole.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.testing.PackagedJar;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's "from one box to many", as docs/scale-out.md sets it up: Debian's HAProxy with the repository's
 * {@code deploy/haproxy.cfg} in front of two {@code target/keyhole.jar} on one PostgreSQL. The sync API is
 * spread round-robin and sees one vault; the viewer stays on its node by HAProxy's cookie; a page whose
 * session is not on the node that answers says so before any key derivation; and when the browser's node is
 * killed, the open dashboard sends the person to sign in again, once, with the reason.
 */
class ScaleOutE2EIT {

    private static final String NODE_COOKIE = "keyhole-node";
    private static final String DIFF = "/authenticator/entity/diff?sinceTime=0&limit=500";
    /** What the sign-in page marks when it starts a key derivation (frontend/session/kdf.ts, sign-in.ts). */
    private static final String KDF_STARTED = "return performance.getEntriesByName('keyhole:kdf-start').length"
            + " + performance.getEntriesByName('keyhole:phase:deriving').length";

    /** Milliseconds since the password's sign-in began (its first phase's mark), on the page's clock. */
    private static final String SINCE_SIGN_IN_STARTED =
            "const started = performance.getEntriesByName('keyhole:phase:looking-up')[0];"
                    + " return started ? Math.round(performance.now() - started.startTime) : -1";

    @TempDir
    Path home;

    @Test
    void twoNodesBehindHaProxyServeOneVaultAndTheViewerSurvivesItsNodeDying() throws Exception {
        int balancerPort = freePort();
        String postgres = TestDatabases.newPostgresDatabase();
        String[] settings = nodeSettings(postgres, balancerPort);
        // One after the other: the first one's Flyway makes the schema the second one finds.
        PackagedJar node1 = PackagedJar.start(home.resolve("node1"), settings);
        PackagedJar node2 = PackagedJar.start(home.resolve("node2"), settings);
        Map<String, PackagedJar> nodes = Map.of("node1", node1, "node2", node2);
        ChromeDriver browser = null;
        try (HaProxy balancer = HaProxy.start(home, balancerPort, node1.port(), node2.port())) {
            assertThat(nodesAnswering(balancer, 4))
                    .as("the sync API is spread round-robin")
                    .hasSize(2);

            // A phone's sign-up and codes, each request to whichever node the balancer picks.
            TestAccount account = TestAccount.signUp(balancer.port(), "scale-out");
            account.add("otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
            account.add("otpauth://totp/Tiny:four?secret=JBSWY3DPEHPK3PXP&issuer=Tiny&digits=4&period=15");
            JsonNode diff = EnteTestClient.expect(account.client().get(DIFF), 200)
                    .body()
                    .path("diff");
            assertThat(diff).hasSize(2);
            for (PackagedJar node : List.of(node1, node2)) {
                EnteTestClient direct = new EnteTestClient(node.base());
                direct.useToken(account.client().token());
                assertThat(EnteTestClient.expect(direct.get(DIFF), 200).body().path("diff"))
                        .as("the same diff from each node")
                        .isEqualTo(diff);
            }

            browser = Chromium.start();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            String login = balancer.base() + "/login";

            // A login page whose next request lands on the other node (a balancer that is not sticky, or
            // its node gone): the page says so at once and the password was not used for any derivation.
            // Polled every 10 ms, so that the figure printed is the page's, not the poll interval's.
            WebDriverWait closely = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(10));
            LoginPage stale = LoginPage.open(browser, closely, login);
            String pageNode = nodeOf(browser);
            pinTo(browser, other(pageNode));
            stale.submit(account.email, TestAccount.PASSWORD);
            String message = stale.error();
            long toMessageMillis = (Long) browser.executeScript(SINCE_SIGN_IN_STARTED);
            long derivations = (Long) browser.executeScript(KDF_STARTED);
            Object derivationMillis = browser.executeScript(
                    "return Math.round(performance.getEntriesByName('keyhole:kdf')[0]?.duration ?? 0)");
            System.out.printf(
                    "ScaleOutE2EIT: page from %s, password submitted to %s: \"%s\" %d ms after the sign-in"
                            + " started; key derivation marks: %d (Argon2id %s ms)%n",
                    pageNode, other(pageNode), message, toMessageMillis, derivations, derivationMillis);
            assertThat(message).contains("Your password was not used").contains("Reload the page");
            assertThat(derivations).as("no key derivation was started").isZero();

            // Reloaded, the page has a session on the node it now goes to; sign-in works and stays there.
            LoginPage.open(browser, wait, login).signIn(account.email, TestAccount.PASSWORD);
            String browserNode = nodeOf(browser);
            assertThat(browserNode).isEqualTo(other(pageNode));
            for (int reload = 0; reload < 3; reload++) {
                browser.navigate().refresh();
                wait.until(ExpectedConditions.urlContains("/codes"));
                assertThat(CodesPage.waitForCodes(browser, wait).cards())
                        .as("the reloaded dashboard opens with the tab's wrapped key, on the same node")
                        .hasSize(2);
                assertThat(nodeOf(browser)).isEqualTo(browserNode);
            }

            // The browser's node dies. The sync API goes on at once on the other node; the dashboard's next
            // poll finds no session there and sends the person to sign in, with the reason, once.
            nodes.get(browserNode).kill();
            for (int i = 0; i < 4; i++) {
                assertThat(EnteTestClient.expect(account.client().get(DIFF), 200)
                                .body()
                                .path("diff"))
                        .isEqualTo(diff);
            }
            wait.until(ExpectedConditions.urlContains("/login"));
            LoginPage again = new LoginPage(browser, wait);
            assertThat(again.error())
                    .contains("Your session on the server has ended")
                    .contains("Sign in again");
            again.signIn(account.email, TestAccount.PASSWORD);
            assertThat(CodesPage.waitForCodes(browser, wait).cards()).hasSize(2);
            assertThat(nodeOf(browser)).isEqualTo(other(browserNode));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            node1.close();
            node2.close();
        }
    }

    private static String[] nodeSettings(String postgres, int balancerPort) {
        return new String[] {
            // The address people type: the balancer's, the same on every node (passkeys are bound to it).
            "--keyhole.public-url=http://localhost:" + balancerPort,
            "--keyhole.trusted-proxies=127.0.0.1/32",
            // The test's own sign-ups and sign-ins all come from 127.0.0.1.
            "--" + TestLimits.PER_ADDRESS_BURST,
            "--keyhole.ott.fixed-domain=example.test",
            "--keyhole.ott.fixed-code=123456",
            "--spring.datasource.url=" + postgres,
            "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
            "--spring.datasource.password="
        };
    }

    /** The nodes that answered {@code count} cookie-less requests, as named by HAProxy's cookie. */
    private static Set<String> nodesAnswering(HaProxy balancer, int count) throws Exception {
        Set<String> nodes = new HashSet<>();
        HttpRequest ping =
                HttpRequest.newBuilder(balancer.base().resolve("/ping")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < count; i++) {
                HttpResponse<Void> answer = http.send(ping, HttpResponse.BodyHandlers.discarding());
                answer.headers().allValues("Set-Cookie").stream()
                        .filter(cookie -> cookie.startsWith(NODE_COOKIE + "="))
                        .map(cookie ->
                                cookie.substring(NODE_COOKIE.length() + 1).split(";")[0])
                        .forEach(nodes::add);
            }
        }
        return nodes;
    }

    private static String nodeOf(ChromeDriver browser) {
        Cookie cookie = browser.manage().getCookieNamed(NODE_COOKIE);
        assertThat(cookie).as("HAProxy's node cookie").isNotNull();
        return cookie.getValue();
    }

    /** Sends this browser's next requests to {@code node}, as a balancer that is not sticky might. */
    private static void pinTo(ChromeDriver browser, String node) {
        browser.manage().deleteCookieNamed(NODE_COOKIE);
        browser.manage()
                .addCookie(new Cookie.Builder(NODE_COOKIE, node)
                        .path("/")
                        .isHttpOnly(true)
                        .build());
    }

    private static String other(String node) {
        return node.equals("node1") ? "node2" : "node1";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
