package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durable commits cost on H2: writes per second through the sync API against {@code target/keyhole.jar}
 * on its H2 file database, once per WRITE_DELAY in {@code -Dkeyhole.bench.write-delays} (default
 * {@code 500,0}: H2's default, then the jar's). The mix is SyncWriter's (half creates, then updates and
 * deletes). Not a timed test: it prints a table (and writes {@code target/benchmarks/h2-writes.md});
 * named without the IT suffix so the suite never runs it. Command and figures: docs/benchmarks.md.
 */
class H2WriteBenchmark {

    private static final String CODE = "123456";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final long WARM_UP_MS = 2_000;
    private static final long MEASURE_MS = 8_000;

    @TempDir
    Path dir;

    @Test
    void measureWritesPerSecondForEachWriteDelay() throws Exception {
        EnteKeys keys = EnteKeys.generate(PASSWORD);
        List<String> report = new ArrayList<>();
        report.add("| WRITE_DELAY | writers | writes | writes/s | median ms | p99 ms | database file after |");
        report.add("|---|---|---|---|---|---|---|");
        for (String delay :
                System.getProperty("keyhole.bench.write-delays", "500,0").split(",")) {
            Path home = dir.resolve("write-delay-" + delay.strip());
            String url =
                    "jdbc:h2:file:" + home.resolve("data").resolve("keyhole") + MODE + ";WRITE_DELAY=" + delay.strip();
            try (PackagedJar server = PackagedJar.start(
                    home,
                    "--spring.datasource.url=" + url,
                    "--keyhole.ott.fixed-domain=example.test",
                    "--keyhole.ott.fixed-code=" + CODE)) {
                EnteTestClient device = new EnteTestClient(server.base());
                device.signUp("bench-" + UUID.randomUUID() + "@example.test", CODE, keys);
                EnteVaultClient vault = new EnteVaultClient(device).openOrCreateKey();
                run(vault, 8, WARM_UP_MS, "warm-up");
                for (int writers : new int[] {1, 8}) {
                    List<SyncWriter.Write> writes = run(vault, writers, MEASURE_MS, "w" + writers);
                    long[] latencies = writes.stream()
                            .mapToLong(w -> w.ackedNanos() - w.sentNanos())
                            .sorted()
                            .toArray();
                    assertThat(latencies).isNotEmpty();
                    report.add("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f MB |"
                            .formatted(
                                    delay.strip(),
                                    writers,
                                    writes.size(),
                                    writes.size() * 1000.0 / MEASURE_MS,
                                    percentile(latencies, 0.5),
                                    percentile(latencies, 0.99),
                                    Files.size(home.resolve("data/keyhole.mv.db")) / 1e6));
                }
            }
        }
        report.add("");
        report.add("| WRITE_DELAY | H2 alone: single-row commits | commits/s | database file after |");
        report.add("|---|---|---|---|");
        for (String delay :
                System.getProperty("keyhole.bench.write-delays", "500,0").split(",")) {
            report.add(h2Alone(Integer.parseInt(delay.strip())));
        }
        String table = String.join("\n", report);
        System.out.println("\n" + table + "\n");
        Path out = Path.of("target", "benchmarks", "h2-writes.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    /**
     * The engine without the server: one JDBC connection, a 1,000-row table with an index, and
     * single-row updates each committed on its own, as the sync API commits each write.
     */
    private String h2Alone(int writeDelay) throws Exception {
        Path file = dir.resolve("alone-" + writeDelay);
        String url = "jdbc:h2:file:" + file + MODE + ";WRITE_DELAY=" + writeDelay;
        int commits = 20_000;
        long nanos;
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entity(id INT PRIMARY KEY, data VARCHAR(400), updated_at BIGINT)");
            statement.execute("CREATE INDEX entity_updated_at ON entity(updated_at)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entity VALUES (?, ?, ?)")) {
                for (int id = 1; id <= 1000; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "x".repeat(300));
                    insert.setLong(3, id);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE entity SET data = ?, updated_at = ? WHERE id = ?")) {
                long start = System.nanoTime();
                for (int i = 1; i <= commits; i++) {
                    update.setString(1, "y".repeat(300));
                    update.setLong(2, 1000L + i);
                    update.setInt(3, 1 + (i * 7919) % 1000);
                    update.executeUpdate();
                }
                nanos = System.nanoTime() - start;
            }
        }
        return "| %d | %d | %.0f | %.1f MB |"
                .formatted(writeDelay, commits, commits * 1e9 / nanos, Files.size(Path.of(file + ".mv.db")) / 1e6);
    }

    /** {@code writers} writers for {@code millis} ms; the writes they got acknowledged. */
    private static List<SyncWriter.Write> run(EnteVaultClient vault, int writers, long millis, String name)
            throws Exception {
        List<SyncWriter> running = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                SyncWriter writer = new SyncWriter(vault, name + "-" + i, i);
                running.add(writer);
                futures.add(pool.submit(writer));
            }
            Thread.sleep(millis);
            running.forEach(SyncWriter::stop);
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return running.stream().flatMap(w -> w.writes().stream()).toList();
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
