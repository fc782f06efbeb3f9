package dev.keyhole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/keyhole.jar} started the way a user starts it: its own JVM, Spring AOT, the embedded H2 file database
 * under {@code home}, loopback only, a free port. For the "done" checks that must hold on the jar itself.
 */
public final class PackagedJar implements AutoCloseable {

    /** 90 s; a benchmark on a machine other builds are loading may need longer: -Dkeyhole.jar.start-seconds=N. */
    private static final Duration START_LIMIT = Duration.ofSeconds(Integer.getInteger("keyhole.jar.start-seconds", 90));

    /** The JVM option of a start with Spring AOT's generated bean definitions. */
    public static final String SPRING_AOT = "-Dspring.aot.enabled=true";

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar and returns once it answers {@code /ping}. {@code settings} are extra {@code --key=value}s,
     * in which {@code {port}} stands for the port chosen here (e.g. for {@code keyhole.public-url}).
     */
    public static PackagedJar start(Path home, String... settings) throws IOException, InterruptedException {
        return start(home, List.of(), settings);
    }

    /** As {@link #start(Path, String...)}, with extra JVM options (e.g. {@code -Xmx512m}) before {@code -jar}. */
    public static PackagedJar start(Path home, List<String> jvmOptions, String... settings)
            throws IOException, InterruptedException {
        return start(jar(), home, jvmOptions, settings);
    }

    /**
     * The jar under test: {@code target/keyhole.jar}, or another build given as {@code -Dkeyhole.jar=...}. A build from
     * before Spring AOT (before ADR 0028) refuses {@code -Dspring.aot.enabled=true}: give it
     * {@code -Dspring.aot.enabled=false} as a JVM option.
     */
    public static Path jar() {
        // Another build, e.g. an older one for a benchmark's "before".
        return Path.of(System.getProperty("keyhole.jar", "target/keyhole.jar")).toAbsolutePath();
    }

    /** As {@link #start(Path, List, String...)}, with the given jar (e.g. one extracted for an AOT cache). */
    public static PackagedJar start(Path jar, Path home, List<String> jvmOptions, String... settings)
            throws IOException, InterruptedException {
        assertThat(jar).as("the packaged jar; run mvn package first").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                "--enable-native-access=ALL-UNNAMED",
                // With the bean definitions Spring AOT made at build time, as ./dev server and the image start
                // it (ADR 0028). A jvmOption -Dspring.aot.enabled=false, later on the line, wins.
                SPRING_AOT));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--keyhole.data-dir=" + home.resolve("data")));
        for (String setting : settings) {
            command.add(setting.replace("{port}", Integer.toString(port)));
        }
        Path log = home.resolve("server.log");
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                // Appended, so that a restart on the same home keeps the log of the run before it.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        PackagedJar started = new PackagedJar(process, log, port);
        try {
            started.awaitPing();
        } catch (AssertionError | IOException | InterruptedException | RuntimeException notStarted) {
            // A jar that never answered must not outlive the test (it would load the machine for good).
            started.kill();
            throw notStarted;
        }
        return started;
    }

    /** The server's process id, for JDK tools such as {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** The loopback address the jar listens on. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Ends the jar the way a crash or the OOM killer does: SIGKILL, no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The server's output so far, for failure messages. */
    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitPing() throws IOException, InterruptedException {
        // Often enough for a start-up benchmark to see the first answer within a few ms of it.
        Ping.await(base(), process, log, "the jar", START_LIMIT, Duration.ofMillis(25));
    }
}
