package dev.keyhole.viewer;

import dev.keyhole.testing.browser.BrowserCase;
import dev.keyhole.testing.browser.Chromium;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the viewer's browser tests: one Chromium per class, with the settings every viewer test shares
 * ({@link ViewerTestSettings}).
 */
@ViewerTestSettings
public abstract class ViewerBrowserCase extends BrowserCase {

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
