package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.store.SyncWriter.Write;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost" on the embedded default: {@code target/keyhole.jar} on its own H2 file database, eight
 * sync clients writing at once, the server killed with SIGKILL mid-run and restarted on the same data,
 * then every write that got a 200 must be in the diff (deletes as tombstones). A write in flight at the
 * kill may land either way; everything settled in earlier rounds must stay as it was.
 */
class CrashDurabilityIT {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 8;
    private static final int MIN_WRITES_BEFORE_KILL = 150;
    private static final String CODE = "123456";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path home;

    private final Map<UUID, Optional<String>> settled = new HashMap<>();
    private final List<String> losses = new ArrayList<>();
    private long killedAt;

    @Test
    void everyAcknowledgedWriteSurvivesASigkillOfTheServer() throws Exception {
        String email = "crash-" + UUID.randomUUID() + "@example.test";
        PackagedJar server = start();
        try {
            EnteTestClient device = new EnteTestClient(server.base());
            device.signUp(email, CODE, EnteKeys.generate(PASSWORD));
            EnteVaultClient vault = new EnteVaultClient(device).openOrCreateKey();
            for (int round = 1; round <= ROUNDS; round++) {
                List<SyncWriter> writers = writeUntilKilled(vault, server, round);
                long restart = System.nanoTime();
                server = start();
                System.out.printf(
                        "crash round %d: restarted in %d ms%n", round, (System.nanoTime() - restart) / 1_000_000);
                device = new EnteTestClient(server.base());
                expect(device.logIn(email, PASSWORD), 200);
                check(round, writers, VaultSnapshot.of(device));
                vault = new EnteVaultClient(device).openOrCreateKey();
            }
        } finally {
            server.close();
        }
        assertThat(losses)
                .as("acknowledged writes missing after a SIGKILL; see %s", home.resolve("server.log"))
                .isEmpty();
    }

    private PackagedJar start() throws Exception {
        return PackagedJar.start(home, "--keyhole.ott.fixed-domain=example.test", "--keyhole.ott.fixed-code=" + CODE);
    }

    /** Eight writers until at least a few hundred writes were acknowledged, then SIGKILL at a random moment. */
    private List<SyncWriter> writeUntilKilled(EnteVaultClient vault, PackagedJar server, int round) throws Exception {
        List<SyncWriter> writers = new ArrayList<>();
        long seed = new Random().nextLong();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new SyncWriter(vault, "r" + round + "w" + i, seed + i));
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> running = new ArrayList<>();
            writers.forEach(writer -> running.add(pool.submit(writer)));
            while (writers.stream().mapToInt(w -> w.writes().size()).sum() < MIN_WRITES_BEFORE_KILL) {
                for (Future<?> writer : running) {
                    if (writer.isDone()) {
                        writer.get(); // rethrows what stopped it
                        throw new AssertionError("a writer stopped before the kill; see " + server.log());
                    }
                }
                Thread.sleep(20);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(100, 700));
            killedAt = System.nanoTime();
            server.kill();
            writers.forEach(SyncWriter::stop);
            for (Future<?> writer : running) {
                writer.get();
            }
            int acknowledged = writers.stream().mapToInt(w -> w.writes().size()).sum();
            System.out.printf(
                    "crash round %d: %d writes acknowledged in %d ms, then SIGKILL%n",
                    round, acknowledged, (killedAt - start) / 1_000_000);
        }
        return writers;
    }

    /** Each writer's codes as it last saw them acknowledged, or as the write in flight would leave them. */
    private void check(int round, List<SyncWriter> writers, VaultSnapshot after) {
        Map<UUID, Optional<String>> observed = new HashMap<>();
        after.live().forEach((id, uri) -> observed.put(id, Optional.of(uri)));
        after.tombstones().forEach(id -> observed.put(id, Optional.empty()));
        List<String> lost = new ArrayList<>();
        settled.forEach((id, state) -> {
            if (!state.equals(observed.get(id))) {
                lost.add("settled " + id + " is " + observed.get(id) + " instead of " + state);
            }
        });
        Map<UUID, Optional<String>> expected = new HashMap<>(settled);
        List<String> inFlightCreates = new ArrayList<>();
        for (SyncWriter writer : writers) {
            Optional<Write> inFlight = writer.inFlight();
            writer.acknowledged().forEach((id, state) -> {
                expected.put(id, state);
                Optional<String> actual = observed.get(id);
                boolean inFlightLanded = inFlight.isPresent()
                        && id.equals(inFlight.get().id())
                        && Optional.ofNullable(inFlight.get().uri()).equals(actual);
                if (!state.equals(actual) && !inFlightLanded) {
                    lost.add(describe(writer, id, state, actual));
                }
            });
            inFlight.filter(w -> w.kind() == SyncWriter.Kind.CREATE).ifPresent(w -> inFlightCreates.add(w.uri()));
        }
        observed.forEach((id, state) -> {
            if (!expected.containsKey(id) && !(state.isPresent() && inFlightCreates.contains(state.get()))) {
                lost.add("unexpected " + id + ": " + state);
            }
        });
        System.out.printf("crash round %d: %d acknowledged writes missing after the restart%n", round, lost.size());
        lost.stream().limit(10).forEach(line -> losses.add("round " + round + ": " + line));
        if (lost.size() > 10) {
            losses.add("round " + round + ": and " + (lost.size() - 10) + " more");
        }
        settled.clear();
        settled.putAll(observed);
    }

    private String describe(SyncWriter writer, UUID id, Optional<String> state, Optional<String> actual) {
        Write last = writer.writes().reversed().stream()
                .filter(w -> id.equals(w.id()))
                .findFirst()
                .orElseThrow();
        // Negative: answered while the SIGKILL was on its way, still an acknowledged write.
        return "%s of %s, acknowledged %d ms before the kill, left %s instead of %s"
                .formatted(last.kind(), id, (killedAt - last.ackedNanos()) / 1_000_000, actual, state);
    }
}
