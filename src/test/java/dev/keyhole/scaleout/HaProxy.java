package dev.keyhole.scaleout;

import dev.keyhole.testing.Ping;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's HAProxy running the repository's own {@code deploy/haproxy.cfg}, the file docs/scale-out.md tells
 * an operator to use, with its addresses given as the environment variables the file reads. Loopback only.
 */
final class HaProxy implements AutoCloseable {

    static final Path CONFIG = Path.of("deploy", "haproxy.cfg");
    private static final String BINARY = System.getProperty("keyhole.haproxy", "/usr/sbin/haproxy");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;

    private HaProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts HAProxy on 127.0.0.1:{@code port} in front of the two nodes; returns once it forwards /ping. */
    static HaProxy start(Path home, int port, int node1, int node2) throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's haproxy (./dev test does this)");
        }
        Path log = home.resolve("haproxy.log");
        // -db: stay in the foreground, so that destroying the process ends HAProxy.
        ProcessBuilder command = new ProcessBuilder(
                        BINARY, "-db", "-f", CONFIG.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment()
                .putAll(Map.of(
                        "KEYHOLE_LB_BIND", "127.0.0.1:" + port,
                        "KEYHOLE_NODE_1", "127.0.0.1:" + node1,
                        "KEYHOLE_NODE_2", "127.0.0.1:" + node2));
        HaProxy started = new HaProxy(command.start(), log, port);
        started.awaitPing();
        return started;
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitPing() throws IOException, InterruptedException {
        Ping.await(base(), process, log, "haproxy", START_LIMIT, Duration.ofMillis(50));
    }
}
