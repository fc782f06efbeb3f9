package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.viewer.BenchSupport;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The viewer's performance budget, measured in headless Chromium against the real server (see
 * docs/benchmarks.md for the command and the figures). Not a timed test: it prints what it measures and
 * fails only if the page never gets there. Named without the IT suffix so the test suite never runs it;
 * it runs when asked for by name.
 */
class ViewerBenchmark extends BenchSupport {

    private static final int TICKS = 15;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void measureSignInDecryptTickAndSessionSize() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("| measurement | value |");
        report.add("|---|---|");
        for (int codes : new int[] {1, 1000}) {
            String email = vaultWith(codes);
            browser.manage().deleteAllCookies();
            CodesPage page =
                    LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(email, password());
            new WebDriverWait(browser, WAIT).until(driver -> page.codeCount() == codes);
            double kdf = measure(page, "keyhole:kdf");
            double firstCode = measure(page, "keyhole:submit-to-first-code");
            double decrypt = measure(page, "keyhole:decrypt");
            report.add(row("%d code(s): Argon2id (256 MiB, 16 ops) in the worker", codes, kdf));
            report.add(row("%d code(s): submit to first code visible", codes, firstCode));
            report.add(row("%d code(s): submit to first code minus Argon2id", codes, firstCode - kdf));
            report.add(row("%d code(s): decrypt and parse the vault", codes, decrypt));
            report.add("| %d code(s): steps after submit | %s |".formatted(codes, phases(page)));
            if (codes == 1000) {
                DoubleSummaryStatistics ticks = ticks(page);
                report.add(row(
                        "%d codes: main-thread work per tick, mean of " + ticks.getCount(), codes, ticks.getAverage()));
                report.add(row("%d codes: main-thread work per tick, max", codes, ticks.getMax()));
                report.add("| %d codes: cards in the DOM | %d |"
                        .formatted(codes, page.cards().size()));
            }
        }
        List<Integer> sessions = VaadinSessionSize.ofEverySession(context);
        int largest = sessions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        report.add("| VaadinSession of a signed-in viewer, serialised (largest of %d) | %.1f KB |"
                .formatted(sessions.size(), largest / 1024.0));

        String table = String.join("\n", report);
        System.out.println("\n" + table + "\n");
        Path out = Path.of("target", "benchmarks", "viewer.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        assertThat(largest).isPositive();
    }

    /** How long each sign-in step took, from the page's marks: lookup, KDF, SRP, unwrap, session, dashboard. */
    private static String phases(CodesPage page) {
        return (String) page.script("""
                const marks = ['keyhole:phase:looking-up', 'keyhole:phase:deriving', 'keyhole:phase:verifying',
                  'keyhole:phase:opening', 'keyhole:phase:session', 'keyhole:first-code'];
                const steps = ['account lookup', 'Argon2id', 'SRP proof and check', 'keys unwrapped, web session opened',
                  'navigation, vault, decrypt, first paint'];
                const at = marks.map(n => performance.getEntriesByName(n).at(-1)?.startTime);
                return steps.map((step, i) => step + ' ' + Math.round(at[i + 1] - at[i]) + ' ms').join('; ');""");
    }

    private static String row(String label, int codes, double millis) {
        return String.format(Locale.ROOT, "| " + label + " | %.1f ms |", codes, millis);
    }

    private static double measure(CodesPage page, String name) {
        Object value = page.script("""
                const entries = performance.getEntriesByName(arguments[0]);
                return entries.length ? entries[entries.length - 1].duration : -1;""", name);
        return ((Number) value).doubleValue();
    }

    /** Lets the dashboard tick TICKS times, then reads how long each tick's script took. */
    @SuppressWarnings("unchecked")
    private DoubleSummaryStatistics ticks(CodesPage page) {
        page.script("performance.clearMeasures('keyhole:tick')");
        String read = "return performance.getEntriesByName('keyhole:tick').map(e => e.duration)";
        new WebDriverWait(browser, java.time.Duration.ofSeconds(TICKS + 10))
                .until(driver -> ((List<?>) page.script(read)).size() >= TICKS);
        List<Number> durations = (List<Number>) page.script(read);
        return durations.stream().mapToDouble(Number::doubleValue).summaryStatistics();
    }
}
