package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway cluster of Debian's PostgreSQL 15 ({@code postgresql-15}, installed on this machine) in a
 * temporary directory, listening on a free loopback port, with trust authentication for the user
 * {@code keyhole}. PostgreSQL refuses to run as root, so as root every server command runs as the
 * {@code postgres} system user (runuser), which then owns the directory; as anyone else, as that user.
 */
final class PostgresCluster implements AutoCloseable {

    static final String USER = "keyhole";
    private static final Path BIN = Path.of(System.getProperty("postgres.bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;

    private PostgresCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static PostgresCluster start() throws IOException, InterruptedException {
        assertThat(BIN.resolve("initdb"))
                .as("Debian's PostgreSQL 15 (apt-get install postgresql-15)")
                .exists();
        // Under /tmp, not the worktree: the postgres user must be able to reach the directory.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "keyhole-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        Path data = dir.resolve("data");
        run(asServerUser(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync"));
        run(asServerUser(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir,
                "start"));
        return new PostgresCluster(dir, port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(asServerUser(
                BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        run(List.of("rm", "-rf", dir.toString()));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s:\n%s", command, output).isZero();
    }
}
