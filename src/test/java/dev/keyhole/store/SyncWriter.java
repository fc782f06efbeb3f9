package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;

import dev.keyhole.sync.EnteVaultClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One sync client writing codes of its own as fast as the server answers: creates, updates and deletes,
 * each recorded only once the server answered 200. It stops when told to or when the server goes away;
 * the write then in flight is kept apart, since the server may or may not have committed it.
 */
final class SyncWriter implements Runnable {

    enum Kind {
        CREATE,
        UPDATE,
        DELETE
    }

    /** A write; {@code id} is unknown for a create in flight, {@code uri} is null for a delete. */
    record Write(Kind kind, @Nullable UUID id, @Nullable String uri, long sentNanos, long ackedNanos) {}

    private final EnteVaultClient vault;
    private final String name;
    private final Random random;
    private final List<UUID> live = new ArrayList<>();
    private final Map<UUID, Optional<String>> acknowledged = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private volatile boolean stopped;
    private @Nullable Write inFlight;
    private int sequence;

    SyncWriter(EnteVaultClient vault, String name, long seed) {
        this.vault = vault;
        this.name = name;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        while (!stopped) {
            Write next = next();
            inFlight = next;
            Write done;
            try {
                done = send(next);
            } catch (UncheckedIOException serverGone) {
                return;
            }
            inFlight = null;
            record(done);
        }
    }

    void stop() {
        stopped = true;
    }

    /** The state each of this writer's codes must have: its last acknowledged text, or empty once deleted. */
    Map<UUID, Optional<String>> acknowledged() {
        return acknowledged;
    }

    /** Every acknowledged write, in order. */
    List<Write> writes() {
        return writes;
    }

    /** The write sent but not answered when the server went away, if any. */
    Optional<Write> inFlight() {
        return Optional.ofNullable(inFlight);
    }

    private Write next() {
        String uri = "otpauth://totp/Crash:" + name + "-" + sequence++ + "?secret=JBSWY3DPEHPK3PXP&issuer=Crash";
        double dice = random.nextDouble();
        if (live.size() < 2 || dice < 0.5) {
            return new Write(Kind.CREATE, null, uri, System.nanoTime(), 0);
        }
        UUID id = live.get(random.nextInt(live.size()));
        return dice < 0.8
                ? new Write(Kind.UPDATE, id, uri, System.nanoTime(), 0)
                : new Write(Kind.DELETE, id, null, System.nanoTime(), 0);
    }

    private Write send(Write write) {
        UUID id = switch (write.kind()) {
            case CREATE -> vault.create(write.uri());
            case UPDATE -> {
                expect(vault.update(write.id(), write.uri()), 200);
                yield write.id();
            }
            case DELETE -> {
                expect(vault.delete(write.id()), 200);
                yield write.id();
            }
        };
        return new Write(write.kind(), id, write.uri(), write.sentNanos(), System.nanoTime());
    }

    private void record(Write write) {
        UUID id = write.id();
        switch (write.kind()) {
            case CREATE -> live.add(id);
            case DELETE -> live.remove(id);
            case UPDATE -> {}
        }
        acknowledged.put(id, Optional.ofNullable(write.uri()));
        writes.add(write);
    }
}
