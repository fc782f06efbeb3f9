package dev.keyhole.testing;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that talk HTTP to the whole application: the server on a random loopback
 * port with a fresh H2 database, and no browser. Browser tests build on it, so a class that only sends
 * requests and a browser test with the same settings share one Spring context. A subclass adds its own
 * settings with {@code @TestPropertySource} (which starts a context of its own).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "keyhole.public-url=http://localhost:${local.server.port:0}",
            TestLimits.PER_ADDRESS_BURST,
            TestLimits.PER_ADDRESS_POLLING_BURST
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerCase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    /** The origin browsers use; localhost rather than 127.0.0.1 because WebAuthn requires a domain. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
