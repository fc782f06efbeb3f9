package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.PackagedJar;
import dev.keyhole.viewer.HttpViewer;
import dev.keyhole.viewer.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's polling at scale: {@code target/keyhole.jar} (or {@code -Dkeyhole.jar=...}) on its H2 file
 * database and on a real PostgreSQL server (Debian's, {@link PostgresCluster}), loaded by wrk. For both
 * polled endpoints, the sync API's diff and the dashboard's {@code /web/vault}, of one account with 1,000
 * codes: the "nothing new" poll at rising connection counts (the highest rate whose p99 stays under 50 ms
 * decides how many dashboards one node carries), and the full diff under 100 connections. Prints figures,
 * asserts none: named without the IT suffix so the suite never runs it (docs/benchmarks.md).
 */
class PollingBenchmark {

    private static final int CODES = 1_000;
    /** Ente's web app asks for 2,500 a page: one page holds the whole vault. */
    private static final int LIMIT = 2_500;

    private static final double P99_BUDGET_MILLIS = 50;
    /** The dashboard's POLL_INTERVAL_MS (frontend/dashboard/live-vault.ts). */
    private static final int POLL_SECONDS = 10;

    private static final int[] LADDER = {1, 2, 4, 8, 16, 32, 64, 128};
    private static final int STEP_SECONDS = Integer.getInteger("poll.step-seconds", 4);
    private static final int WARM_UP_SECONDS = Integer.getInteger("poll.warm-up-seconds", 5);
    private static final int FULL_SECONDS = Integer.getInteger("poll.full-seconds", 10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @Test
    void pollingUnderLoad() throws Exception {
        Wrk.installIfMissing();
        List<String> summary =
                new ArrayList<>(List.of("| database | request | measured (wrk) | server CPU |", "|---|---|---|---|"));
        List<String> details = new ArrayList<>();
        List<String> databases =
                List.of(System.getProperty("poll.databases", "h2,postgresql").split(","));
        for (String database : databases) {
            if (database.equals("postgresql")) {
                try (PostgresCluster postgres = PostgresCluster.start()) {
                    measure(
                            summary,
                            details,
                            "PostgreSQL 15",
                            home.resolve("pg"),
                            "--spring.datasource.url=" + postgres.jdbcUrl(),
                            "--spring.datasource.username=" + PostgresCluster.USER,
                            "--spring.datasource.password=");
                }
            } else {
                measure(summary, details, "H2 (file)", home.resolve("h2"));
            }
        }
        summary.addAll(details);
        String table = String.join("\n", summary);
        System.out.println("\n" + table + "\n");
        Path out = Path.of("target", "benchmarks", "polling.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    private static void measure(List<String> summary, List<String> rows, String database, Path home, String... settings)
            throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "--keyhole.public-url=http://localhost:{port}",
                "--keyhole.ott.fixed-domain=example.test",
                "--keyhole.ott.fixed-code=123456"));
        all.addAll(List.of(settings));
        List<String> jvm = List.of();
        rows.add("");
        rows.add("### " + database);
        rows.add("");
        rows.add("| request | connections | req/s | p50 | p99 | server CPU per request | failed |");
        rows.add("|---|---|---|---|---|---|---|");
        Files.createDirectories(home);
        try (PackagedJar server = PackagedJar.start(home, jvm, all.toArray(String[]::new));
                HttpClient http = HttpClient.newHttpClient()) {
            TestAccount account = TestAccount.signUp(server.port(), "poll");
            for (int i = 0; i < CODES; i++) {
                account.add("otpauth://totp/Service%20" + i + ":user" + i + "?secret=JBSWY3DPEHPK3PXP&issuer=Service%20"
                        + i);
            }
            String token = "X-Auth-Token: " + account.client().token();
            HttpViewer viewer =
                    HttpViewer.load(http, server.base(), "/login").signIn(account.signInElsewhere(server.base()));
            String cookie = "Cookie: JSESSIONID=" + viewer.sessionId();

            URI fullDiff = server.base().resolve("/authenticator/entity/diff?sinceTime=0&limit=" + LIMIT);
            long latest = latestUpdatedAt(http, fullDiff, token);
            URI emptyDiff = server.base().resolve("/authenticator/entity/diff?sinceTime=" + latest + "&limit=" + LIMIT);
            URI fullVault = server.base().resolve("/web/vault?sinceTime=0");
            URI emptyVault = server.base().resolve("/web/vault?sinceTime=" + latest);
            assertThat(entities(http, emptyDiff, token))
                    .as("nothing new after the latest change")
                    .isZero();
            assertThat(entities(http, emptyVault, cookie))
                    .as("nothing new after the latest change")
                    .isZero();
            assertThat(entities(http, fullVault, cookie)).isEqualTo(CODES);

            // The JIT's warm-up, not measured: the first seconds of a fresh JVM are several times slower.
            for (URI url : List.of(emptyDiff, emptyVault, fullDiff, fullVault)) {
                Wrk.load(url, url == emptyDiff || url == fullDiff ? token : cookie, 8, WARM_UP_SECONDS, server.pid());
            }
            Profile profile = new Profile(server.pid(), home.getFileName().toString());
            summary.add(profile.of(
                    "diff-empty",
                    () -> nothingNew(database, "sync diff, nothing new", emptyDiff, token, server.pid(), rows)));
            summary.add(profile.of(
                    "vault-empty",
                    () -> nothingNew(database, "`/web/vault`, nothing new", emptyVault, cookie, server.pid(), rows)));
            summary.add(profile.of(
                    "diff-full", () -> full(database, "sync diff, all 1,000", fullDiff, token, server.pid(), rows)));
            summary.add(profile.of(
                    "vault-full",
                    () -> full(database, "`/web/vault`, all 1,000", fullVault, cookie, server.pid(), rows)));
        }
    }

    /**
     * Climbs the ladder of connection counts until p99 passes the budget. The best rate within it, times
     * the poll interval, is the number of dashboards whose polls that rate serves (N dashboards polling every
     * 10 s send N / 10 requests a second). wrk is closed-loop, so it never queues more than its connections:
     * the figure is an upper bound for polls that arrive at random, see docs/benchmarks.md.
     */
    private static String nothingNew(String database, String what, URI url, String header, long pid, List<String> rows)
            throws Exception {
        Wrk.Run best = null;
        int over = 0;
        List<Double> cpu = new ArrayList<>();
        for (int connections : LADDER) {
            Wrk.Run run = Wrk.load(url, header, connections, STEP_SECONDS, pid);
            rows.add(run.row(what));
            cpu.add(run.cpuMillisPerRequest());
            // Two steps over the budget in a row: one alone may be another process's burst on a shared machine.
            if (run.p99Millis() >= P99_BUDGET_MILLIS || run.failed() > 0) {
                if (++over == 2) {
                    break;
                }
                continue;
            }
            over = 0;
            if (best == null || run.perSecond() > best.perSecond()) {
                best = run;
            }
        }
        // What two cores could serve if the server had them to itself: the figure the machine's load moves least.
        double cpuMillis = cpu.stream().sorted().toList().get(cpu.size() / 2);
        double ceiling = 2 * 1000 / cpuMillis;
        String measured = best == null
                ? "p99 over %.0f ms even at 1 connection".formatted(P99_BUDGET_MILLIS)
                : String.format(
                        Locale.ROOT,
                        "%,.0f req/s at p99 %.1f ms (%d connections), %,.0f open dashboards",
                        best.perSecond(),
                        best.p99Millis(),
                        best.connections(),
                        best.perSecond() * POLL_SECONDS);
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.2f ms CPU per request: %,.0f req/s on two free cores, %,.0f dashboards |",
                database,
                what,
                measured,
                cpuMillis,
                ceiling,
                ceiling * POLL_SECONDS);
    }

    private static String full(String database, String what, URI url, String header, long pid, List<String> rows)
            throws Exception {
        Wrk.Run run = Wrk.load(url, header, 100, FULL_SECONDS, pid);
        rows.add(run.row(what));
        return String.format(
                Locale.ROOT,
                "| %s | %s, 100 connections | %,.0f req/s, p99 %.1f ms, %s failed | %.2f ms CPU per request |",
                database,
                what,
                run.perSecond(),
                run.p99Millis(),
                run.failed(),
                run.cpuMillisPerRequest());
    }

    private static long latestUpdatedAt(HttpClient http, URI url, String header) throws Exception {
        long latest = 0;
        for (JsonNode entity : get(http, url, header).path("diff")) {
            latest = Math.max(latest, entity.path("updatedAt").asLong());
        }
        return latest;
    }

    private static int entities(HttpClient http, URI url, String header) throws Exception {
        return get(http, url, header).path("diff").size();
    }

    private static JsonNode get(HttpClient http, URI url, String header) throws Exception {
        int colon = header.indexOf(':');
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(url)
                        .header(
                                header.substring(0, colon),
                                header.substring(colon + 1).trim())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
