package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.PackagedJar;
import dev.keyhole.viewer.HttpViewer;
import dev.keyhole.viewer.TestAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's flood: 50,000 (or {@code -Dflood.loads}) anonymous page loads (what a browser's first visit sends: {@code GET
 * /login} without a cookie, then Vaadin's {@code ?v-r=init} with the new cookie) from one loopback address against {@code target/keyhole.jar} with a 512 MiB heap, while a
 * signed-in viewer keeps fetching its vault from another. Prints the live heap and the live HTTP sessions
 * (class histogram, which runs a full GC first) before and after, and the signed-in request's latency
 * idle and during the flood. Not a timed test: named without the IT suffix so the suite never runs it
 * (docs/benchmarks.md has the command and the figures).
 */
class SessionFloodBenchmark {

    private static final int LOADS = Integer.getInteger("flood.loads", 50_000);
    private static final int CONCURRENCY = Integer.getInteger("flood.concurrency", 8);
    private static final int WARM_UP_LOADS = 1_000;
    private static final int IDLE_SAMPLES = 300;
    private static final long USER_PAUSE_MILLIS = 20;
    /** A server drowning in garbage collection answers nothing for minutes: give up on it, and say so. */
    private static final int MAX_FAILURES = 20;

    private static final Duration MAX_FLOOD = Duration.ofMinutes(Integer.getInteger("flood.max-minutes", 10));

    @TempDir
    Path home;

    @Test
    void anonymousPageLoadsAgainstTheJar() throws Exception {
        try (PackagedJar server = PackagedJar.start(
                        home,
                        List.of("-Xmx512m"),
                        "--keyhole.ott.fixed-domain=example.test",
                        "--keyhole.ott.fixed-code=123456");
                HttpClient attacker = HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.0.2"))
                        .build();
                HttpClient warmUp = HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.0.3"))
                        .build();
                HttpClient userHttp = HttpClient.newHttpClient()) {
            HttpViewer user = signedInUser(server, userHttp);
            flood(server, warmUp, WARM_UP_LOADS);
            userLatencies(user, IDLE_SAMPLES, new AtomicBoolean(true));
            Samples idle = userLatencies(user, IDLE_SAMPLES, new AtomicBoolean(true));
            HeapHistogram before = HeapHistogram.of(server.pid());

            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicReference<Samples> during = new AtomicReference<>();
            Thread sampler = Thread.ofPlatform().start(() -> during.set(userLatencies(user, 0, flooding)));
            long start = System.nanoTime();
            FloodResult flood = flood(server, attacker, LOADS);
            double seconds = (System.nanoTime() - start) / 1e9;
            flooding.set(false);
            sampler.join();
            HeapHistogram after = HeapHistogram.of(server.pid());

            List<String> table = List.of(
                    "| measurement | before the flood | after %,d anonymous page loads |".formatted(flood.sent()),
                    "|---|---|---|",
                    "| live heap after a full GC | %.1f MB | %.1f MB |"
                            .formatted(before.liveMegabytes(), after.liveMegabytes()),
                    "| live HTTP sessions (`StandardSession`) | %,d | %,d |"
                            .formatted(before.instances(HeapHistogram.SESSION), after.instances(HeapHistogram.SESSION)),
                    "| live `VaadinSession`s | %,d | %,d |"
                            .formatted(before.instances(HeapHistogram.VAADIN), after.instances(HeapHistogram.VAADIN)),
                    "| signed-in `GET /web/vault`, p50 / p99 (idle, then during the flood) | %s | %s |"
                            .formatted(percentiles(idle), percentiles(during.get())),
                    "| flood: %,d loads sent, %d at a time, %.1f s, %,.0f loads/s; failed loads | | %,d |"
                            .formatted(flood.sent(), CONCURRENCY, seconds, flood.sent() / seconds, flood.failures()));
            String report = String.join("\n", table);
            System.out.println("\n" + report + "\n");
            Path out = Path.of("target", "benchmarks", "session-flood.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n");
            assertThat(during.get().failed())
                    .as("the signed-in user's failed requests")
                    .isZero();
            assertThat(flood.failures()).as("every anonymous load answered").isZero();
        }
    }

    private static HttpViewer signedInUser(PackagedJar server, HttpClient http) throws Exception {
        TestAccount account = TestAccount.signUp(server.port(), "flood");
        account.add("otpauth://totp/Flood:alice?secret=JBSWY3DPEHPK3PXP&issuer=Flood");
        HttpViewer user = HttpViewer.load(http, server.base(), "/login").signIn(account.signInElsewhere(server.base()));
        assertThat(user.get("/web/vault")).isEqualTo(200);
        return user;
    }

    record FloodResult(int sent, int failures) {}

    /** {@code loads} page loads without a cookie, a few at a time; stops early if the server gives up. */
    private static FloodResult flood(PackagedJar server, HttpClient http, int loads) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        int sent = 0;
        Instant deadline = Instant.now().plus(MAX_FLOOD);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (;
                    sent < loads
                            && failures.get() < MAX_FAILURES
                            && Instant.now().isBefore(deadline);
                    sent++) {
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        HttpViewer.load(http, server.base(), "/login").init("login");
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new FloodResult(sent, failures.get());
    }

    /** The signed-in user's requests: latency in microseconds of each, and how many did not get a 200. */
    record Samples(List<Long> micros, int failed) {}

    /** {@code samples} requests, or (0) as many as fit while {@code until} holds. */
    private static Samples userLatencies(HttpViewer user, int samples, AtomicBoolean until) {
        List<Long> latencies = new ArrayList<>();
        int failed = 0;
        while (samples > 0 ? latencies.size() < samples : until.get()) {
            long start = System.nanoTime();
            try {
                if (user.get("/web/vault") != 200) {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            latencies.add((System.nanoTime() - start) / 1_000);
            try {
                Thread.sleep(USER_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Samples(latencies, failed);
    }

    private static String percentiles(Samples samples) {
        List<Long> sorted = samples.micros().stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "%.1f / %.1f ms (n = %d, %d failed)",
                sorted.get((sorted.size() - 1) / 2) / 1000.0,
                sorted.get((int) Math.floor((sorted.size() - 1) * 0.99)) / 1000.0,
                sorted.size(),
                samples.failed());
    }
}
