package dev.keyhole.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver. Both paths are given explicitly so
 * that Selenium Manager never tries to download a browser or a driver (this machine reaches no such host).
 */
public final class Chromium {

    private static final String BROWSER = System.getProperty("keyhole.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("keyhole.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {}

    public static ChromeDriver start() {
        requireExecutable(BROWSER, "chromium");
        requireExecutable(DRIVER, "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // Without these Chromium calls Google's hosts at start; the closed network refuses them.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(
                    path + " is missing: install Debian's " + debianPackage + " (the README's test command does this)");
        }
    }

    private static String freshProfile() {
        try {
            Path root = Path.of("target", "chromium-profiles");
            Files.createDirectories(root);
            return Files.createTempDirectory(root.toAbsolutePath(), "profile-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
