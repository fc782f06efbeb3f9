package dev.keyhole.testing.browser;

import dev.keyhole.testing.TestDatabases;
import dev.keyhole.testing.TestLimits;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every browser test: the whole application on a random loopback port with a fresh database, and
 * one headless Chromium per test class. Tests talk to the page through page objects and wait on
 * conditions, never on time.
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
public abstract class BrowserTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @BeforeAll
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The origin browsers use; localhost rather than 127.0.0.1 because WebAuthn requires a domain. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected WebDriverWait waitUp() {
        return new WebDriverWait(browser, WAIT);
    }
}
