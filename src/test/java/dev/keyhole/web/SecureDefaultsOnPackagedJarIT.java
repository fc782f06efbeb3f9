package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ForgedHeaders;
import dev.keyhole.testing.LoopbackClient;
import dev.keyhole.testing.PackagedJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/keyhole.jar} from a directory without the repository's application.properties:
 * the security defaults come from the jar itself. Runs after {@code package}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureDefaultsOnPackagedJarIT {

    private static final String CODE = "246810";

    @TempDir
    static Path home;

    private PackagedJar server;
    private LoopbackClient client;

    @BeforeAll
    void startTheJarAwayFromTheRepository() throws Exception {
        assertThat(home.resolve("application.properties")).doesNotExist();
        server = PackagedJar.start(home, "--keyhole.ott.fixed-domain=example.test", "--keyhole.ott.fixed-code=" + CODE);
        client = new LoopbackClient("127.0.0.1", server.base());
    }

    @AfterAll
    void stopTheJar() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageThatOpensASessionThenItsCookieIsSecureHttpOnlyAndStrictlySameSite() {
        LoopbackClient.Response login = client.get("/login", Map.of());

        List<String> sessionCookies = login.header("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .toList();
        assertThat(sessionCookies)
                .singleElement()
                .satisfies(
                        cookie -> assertThat(cookie.split(";\\s*")).contains("Secure", "HttpOnly", "SameSite=Strict"));
    }

    @Test
    void forgedForwardedForThenTheSessionShowsTheRealAddress() {
        assertThat(ForgedHeaders.sessionAddress(client, CODE, ForgedHeaders.ADDRESS))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void forgedHostThenTheLoginRedirectIsRelativeAndTheRequestNotSecure() {
        LoopbackClient.Response redirect = ForgedHeaders.dashboardWithoutSession(client, ForgedHeaders.HOST);
        LoopbackClient.Response http10 = ForgedHeaders.dashboardWithoutSession(client.http10(), ForgedHeaders.HOST);

        assertThat(redirect.header("Location")).containsExactly("/login");
        assertThat(http10.header("Location")).containsExactly("/login");
        assertThat(redirect.header("Strict-Transport-Security")).isEmpty();
    }
}
