package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.VirtualAuthenticator;
import dev.keyhole.viewer.BenchSupport;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import dev.keyhole.viewer.pages.PasskeySettingsPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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
    /**
     * Pairs of a bare Argon2id and a password sign-in per account (-Dviewer.runs, default 5). Two Argon2id
     * runs of the same worker differ by up to 15 % on a quiet machine, more than item 4's 5 %, so one pair
     * shows noise; each pair costs ~10 s. Three still left the medians of bare and in-flow Argon2id 4 %
     * apart on a quiet machine (docs/benchmarks.md, "Item 4 with medians"); five halve a lone outlier's pull.
     */
    private static final int RUNS = Integer.getInteger("viewer.runs", 5);
    /** Passkey sign-ins per account: they take well under a second each, so a median is cheap. */
    private static final int PASSKEY_RUNS = 7;
    /** Argon2id takes 5 s on a quiet machine and several times that on a busy one. */
    private static final Duration KDF_WAIT = Duration.ofMinutes(3);

    private static final List<String> PASSWORD_MARKS = List.of(
            "keyhole:phase:looking-up",
            "keyhole:phase:deriving",
            "keyhole:phase:verifying",
            "keyhole:srp:m1",
            "keyhole:phase:opening",
            "keyhole:phase:session",
            "keyhole:signed-in",
            "keyhole:vault-prefetched",
            "keyhole:codes-connected",
            "keyhole:first-code");
    private static final List<String> PASSKEY_MARKS = List.of(
            "keyhole:passkey:options",
            "keyhole:passkey:asserted",
            "keyhole:passkey:verified",
            "keyhole:passkey:unwrapped",
            "keyhole:signed-in",
            "keyhole:vault-prefetched",
            "keyhole:codes-connected",
            "keyhole:first-code");

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void measureSignInDecryptTickAndSessionSize() throws IOException {
        // Chromium's virtual authenticator would answer the email field's autofill request at once.
        VirtualAuthenticator.withoutPasskeyAutofill(browser);
        browser.manage().timeouts().scriptTimeout(KDF_WAIT);
        List<String> report = new ArrayList<>();
        report.add("| measurement | value |");
        report.add("|---|---|");
        String worker = kdfWorkerUrl();
        // Once unreported, so that the worker's script and WebAssembly are as warm for the first bare
        // derivation as for the sign-ins that follow it.
        String warmUp = vaultWith(1);
        LoginPage.open(browser, waitUp(), baseUrl() + "/login");
        marks().bareArgon2id(worker, warmUp, password());
        for (int codes : new int[] {1, 1000}) {
            CodesPage page = passwordSignIns(codes, worker, report);
            if (codes == 1000) {
                DoubleSummaryStatistics ticks = ticks(page);
                report.add(row(
                        "%d codes: main-thread work per tick, mean of " + ticks.getCount(), codes, ticks.getAverage()));
                report.add(row("%d codes: main-thread work per tick, max", codes, ticks.getMax()));
                report.add("| %d codes: cards in the DOM | %d |"
                        .formatted(codes, page.cards().size()));
            }
            passkeySignIns(codes, report);
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

    /**
     * Issue 14 item 4: RUNS times, on a freshly loaded /login, a bare Argon2id and then a password
     * sign-in to the first code; signed out between sign-ins, signed in after the last (whose dashboard
     * is returned). Reports the medians and their ratios, every run, and the steps, marks and requests of
     * the run with the median submit to first code.
     */
    private CodesPage passwordSignIns(int codes, String worker, List<String> report) {
        String email = vaultWith(codes);
        browser.manage().deleteAllCookies();
        List<PasswordRun> runs = new ArrayList<>();
        CodesPage page = null;
        for (int i = 0; i < RUNS; i++) {
            if (page != null) {
                page.logOut();
            }
            LoginPage login = LoginPage.open(browser, new WebDriverWait(browser, KDF_WAIT), baseUrl() + "/login");
            double bare = marks().bareArgon2id(worker, email, password());
            login.submit(email, password());
            marks().awaitMark("keyhole:first-code");
            CodesPage signedIn = CodesPage.waitForCodes(browser, waitUp());
            new WebDriverWait(browser, WAIT).until(driver -> signedIn.codeCount() == codes);
            runs.add(new PasswordRun(
                    bare,
                    marks().measure("keyhole:kdf"),
                    marks().measure("keyhole:submit-to-first-code"),
                    marks().measure("keyhole:decrypt"),
                    marks().measure("keyhole:decrypt-main"),
                    marks().measure("keyhole:decrypt-worker"),
                    phases(signedIn),
                    marks().timeline("keyhole:phase:verifying", PASSWORD_MARKS),
                    marks().requestsAfter("keyhole:phase:verifying")));
            page = signedIn;
        }
        double bare = PasswordRun.median(runs, PasswordRun::bare);
        double firstCode = PasswordRun.median(runs, PasswordRun::firstCode);
        String of = ", median of " + RUNS;
        report.add(row("%d code(s): bare Argon2id (256 MiB, 16 ops), same worker, nothing else" + of, codes, bare));
        report.add(row(
                "%d code(s): Argon2id (256 MiB, 16 ops) in the worker during sign-in" + of,
                codes,
                PasswordRun.median(runs, PasswordRun::kdf)));
        report.add(row("%d code(s): submit to first code visible" + of, codes, firstCode));
        report.add(ratio(
                "%d code(s): submit to first code / bare Argon2id, ratio of the medians", codes, firstCode / bare));
        report.add(ratio(
                "%d code(s): submit to first code / bare Argon2id, median of the pairs' ratios",
                codes, PasswordRun.median(runs, PasswordRun::toBare)));
        report.add(ratio(
                "%d code(s): submit to first code / Argon2id of the same sign-in" + of,
                codes,
                PasswordRun.median(runs, PasswordRun::toKdf)));
        report.add(row(
                "%d code(s): submit to first code minus Argon2id" + of,
                codes,
                PasswordRun.median(runs, PasswordRun::afterKdf)));
        report.add(row(
                "%d code(s): decrypt and parse the vault" + of, codes, PasswordRun.median(runs, PasswordRun::decrypt)));
        report.add(row(
                "%d code(s): decrypt and parse the vault, main thread's share" + of,
                codes,
                PasswordRun.median(runs, PasswordRun::decryptMain)));
        report.add(row(
                "%d code(s): decrypt in the worker, its round trip (-1: decrypted on the main thread)" + of,
                codes,
                PasswordRun.median(runs, PasswordRun::decryptWorker)));
        report.add(
                "| %d code(s): password runs (bare Argon2id / in sign-in / submit to first code, ms, in order) | %s |"
                        .formatted(codes, PasswordRun.inOrder(runs)));
        PasswordRun median = PasswordRun.medianRun(runs);
        int medianIndex = runs.indexOf(median) + 1;
        report.add("| %d code(s): steps after submit, run %d | %s |".formatted(codes, medianIndex, median.phases()));
        report.add("| %d code(s): marks after Argon2id (ms after it), run %d | %s |"
                .formatted(codes, medianIndex, median.marks()));
        report.add("| %d code(s): requests after Argon2id (start +ms, server wait/total ms), run %d | %s |"
                .formatted(codes, medianIndex, median.requests()));
        return page;
    }

    /**
     * Registers a passkey with PRF for the signed-in account (a fresh virtual authenticator, so that it
     * holds this account's passkey only), then signs out and in with it PASSKEY_RUNS times, each from a
     * freshly loaded /login: the click to the first code, by the page's marks.
     */
    private void passkeySignIns(int codes, List<String> report) {
        browser.executeCdpCommand("WebAuthn.disable", Map.of());
        VirtualAuthenticator.withPrf(browser);
        PasskeySettingsPage.open(browser, waitUp(), baseUrl()).register("Benchmark");
        List<Double> runs = new ArrayList<>();
        String median = "";
        for (int i = 0; i < PASSKEY_RUNS; i++) {
            browser.get(baseUrl() + "/codes");
            CodesPage.waitForCodes(browser, waitUp()).logOut();
            CodesPage page =
                    LoginPage.open(browser, waitUp(), baseUrl() + "/login").signInWithPasskey();
            new WebDriverWait(browser, WAIT).until(driver -> page.codeCount() == codes);
            assertThat(page.isLocked()).isFalse();
            runs.add(marks().measure("keyhole:passkey-to-first-code"));
            if (i == PASSKEY_RUNS / 2) {
                median = marks().timeline("keyhole:passkey", PASSKEY_MARKS)
                        + "; requests (start +ms, server wait/total ms): " + marks().requestsAfter("keyhole:passkey");
            }
        }
        List<Double> sorted = runs.stream().sorted().toList();
        report.add(row(
                "%d code(s): passkey (PRF) click to first code visible, median of " + PASSKEY_RUNS,
                codes,
                sorted.get(PASSKEY_RUNS / 2)));
        report.add("| %d code(s): passkey runs (ms, in order) | %s |"
                .formatted(
                        codes,
                        String.join(
                                " ",
                                runs.stream()
                                        .map(run -> String.format(Locale.ROOT, "%.0f", run))
                                        .toList())));
        report.add("| %d code(s): passkey marks, run %d (ms after the click) | %s |"
                .formatted(codes, PASSKEY_RUNS / 2 + 1, median));
    }

    private PageMarks marks() {
        return new PageMarks(browser);
    }

    /** The key-derivation worker's script as the build emitted it (the newest, should older ones linger). */
    private static String kdfWorkerUrl() throws IOException {
        Path build = Path.of("target", "classes", "META-INF", "VAADIN", "webapp", "VAADIN", "build");
        try (Stream<Path> files = Files.list(build)) {
            return files.filter(file -> file.getFileName().toString().matches("kdf-worker-.*\\.js"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .map(file -> "/VAADIN/build/" + file.getFileName())
                    .orElseThrow();
        }
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

    private static String ratio(String label, int codes, double ratio) {
        return String.format(Locale.ROOT, "| " + label + " | %.3f |", codes, ratio);
    }

    /** Lets the dashboard tick TICKS times, then reads how long each tick's script took. */
    @SuppressWarnings("unchecked")
    private DoubleSummaryStatistics ticks(CodesPage page) {
        page.script("performance.clearMeasures('keyhole:tick')");
        String read = "return performance.getEntriesByName('keyhole:tick').map(e => e.duration)";
        new WebDriverWait(browser, Duration.ofSeconds(TICKS + 10))
                .until(driver -> ((List<?>) page.script(read)).size() >= TICKS);
        List<Number> durations = (List<Number>) page.script(read);
        return durations.stream().mapToDouble(Number::doubleValue).summaryStatistics();
    }
}
