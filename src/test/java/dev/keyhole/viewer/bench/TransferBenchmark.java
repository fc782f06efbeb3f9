package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.PackagedJar;
import dev.keyhole.testing.browser.Chromium;
import dev.keyhole.testing.browser.RequestLog;
import dev.keyhole.viewer.HttpViewer;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.pages.LoginPage;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14's bytes: what {@code /login} costs on the wire until its form is usable, on a first visit (empty
 * cache) and a second one (same browser), counted by Chromium's DevTools Network events; and the
 * 1,000-code vault ({@code GET /web/vault}) and a full sync diff as a browser asks for them (Accept-Encoding
 * as Chromium sends it). Against {@code target/keyhole.jar} (or {@code -Dkeyhole.jar=...}). Prints figures,
 * asserts none: named without the IT suffix so the suite never runs it (docs/benchmarks.md).
 */
class TransferBenchmark {

    private static final String BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
    private static final int CODES = 1_000;

    @TempDir
    Path home;

    @Test
    void bytesOnTheWire() throws Exception {
        List<String> rows = new ArrayList<>();
        try (PackagedJar server = PackagedJar.start(
                home,
                "--keyhole.public-url=http://localhost:{port}",
                "--keyhole.ott.fixed-domain=example.test",
                "--keyhole.ott.fixed-code=123456")) {
            String login = "http://localhost:" + server.port() + "/login";
            ChromeDriver browser = Chromium.start();
            try (RequestLog log = RequestLog.start(browser)) {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                rows.add(visit("first visit of `/login`, until the form is usable", browser, wait, log, login));
                rows.add(visit("second visit (same browser), until the form is usable", browser, wait, log, login));
            } finally {
                browser.quit();
            }
            TestAccount account = TestAccount.signUp(server.port(), "bytes");
            for (int i = 0; i < CODES; i++) {
                account.add("otpauth://totp/Service%20" + i + ":user" + i + "?secret=JBSWY3DPEHPK3PXP&issuer=Service%20"
                        + i);
            }
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpViewer viewer =
                        HttpViewer.load(http, server.base(), "/login").signIn(account.signInElsewhere(server.base()));
                rows.add(wire("1,000-code vault, `GET /web/vault`", viewer.wire("/web/vault", BROWSER_ENCODINGS)));
                rows.add(wire(
                        "full sync diff of 1,000 entities, `GET /authenticator/entity/diff`",
                        HttpViewer.wire(
                                http,
                                server.base(),
                                "/authenticator/entity/diff?sinceTime=0&limit=" + (CODES + 1),
                                account.client().token(),
                                BROWSER_ENCODINGS)));
            }
        }
        String report =
                String.join("\n", List.of("| what | on the wire | detail |", "|---|---|---|", String.join("\n", rows)));
        System.out.println("\n" + report + "\n");
        Path out = Path.of("target", "benchmarks", "transfer.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    /**
     * Opens {@code url}, waits for the email field, then for every request started until then to finish: the
     * bytes those took, and the largest of them.
     */
    private static String visit(String what, ChromeDriver browser, WebDriverWait wait, RequestLog log, String url)
            throws InterruptedException {
        log.clear();
        LoginPage.open(browser, wait, url);
        Set<String> started = log.started();
        List<RequestLog.Transfer> transfers = log.transfers(started, Duration.ofSeconds(30));
        long total = transfers.stream().mapToLong(RequestLog.Transfer::bytes).sum();
        String largest = transfers.stream()
                .filter(t -> t.bytes() > 0)
                .sorted(Comparator.comparingLong(RequestLog.Transfer::bytes).reversed())
                .limit(4)
                .map(t -> "%s %.1f KiB".formatted(shortName(t.url()), t.bytes() / 1024.0))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        long fromNetwork = transfers.stream().filter(t -> t.bytes() > 0).count();
        assertThat(transfers).as("requests of %s", what).isNotEmpty();
        return "| %s | %.1f KiB | %d requests, %d over the network; largest: %s |"
                .formatted(what, total / 1024.0, transfers.size(), fromNetwork, largest);
    }

    private static String wire(String what, HttpViewer.Wire wire) {
        assertThat(wire.status()).as(what).isEqualTo(200);
        return "| %s | %.1f KB | body %,d bytes as `%s` (%,d bytes decoded) |"
                .formatted(what, wire.bodyBytes() / 1000.0, wire.bodyBytes(), wire.encoding(), wire.decodedBytes());
    }

    private static String shortName(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        return "`" + (path.length() > 40 ? path.substring(0, 20) + "…" + path.substring(path.length() - 12) : path)
                + "`";
    }
}
