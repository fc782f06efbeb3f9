package dev.keyhole.viewer;

import dev.keyhole.testing.browser.BrowserTest;
import dev.keyhole.testing.browser.Chromium;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the viewer's browser tests. Every class shares these settings, so Spring starts the server once
 * for all of them: emailed codes fixed for {@code @example.test} (accounts are made through the sync API,
 * as an Ente client makes them), and an auto-lock that may be set to fractions of a minute.
 */
@TestPropertySource(
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            "keyhole.viewer.min-auto-lock-minutes=0.02"
        })
public abstract class ViewerBrowserTest extends BrowserTest {

    /** A second, independent browser (own profile: no cookies, no storage), as on another computer. */
    protected ChromeDriver freshBrowser() {
        return Chromium.start();
    }

    /** Lets the page write to the clipboard without a prompt, as a person's click would. */
    protected static void allowClipboard(ChromeDriver driver) {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("permissions", java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }
}
