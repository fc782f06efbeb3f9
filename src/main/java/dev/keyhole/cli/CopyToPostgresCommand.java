package dev.keyhole.cli;

import dev.keyhole.store.DatabaseCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Moves a server's data off the embedded H2 onto PostgreSQL, for someone who outgrew the default (see
 * docs/scale-out.md). Runs beside a stopped server, on the same machine as its data directory; the H2 files
 * are only read, so going back is starting the server on them again.
 */
@Command(
        name = "copy-to-postgres",
        description = {
            "Copy a stopped Keyhole server's embedded H2 database into a new, empty PostgreSQL database.",
            "Every account, code, session and passkey comes along unchanged; the H2 files are only read.",
            "The PostgreSQL password comes from PGPASSWORD, or is asked for on a terminal.",
            "",
            "  keyhole copy-to-postgres --data-dir ./data --to jdbc:postgresql://db.example.org/keyhole --user keyhole"
        })
final class CopyToPostgresCommand implements Callable<Integer> {

    static final String PASSWORD = "PGPASSWORD";
    /** H2's codes for "no such database" and "locked by another process". */
    private static final int H2_NOT_FOUND = 90146;

    private static final int H2_IN_USE = 90020;

    private final CliContext context;

    @Option(
            names = "--data-dir",
            defaultValue = "./data",
            description = "The server's keyhole.data-dir, holding keyhole.mv.db (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("./data");

    @Option(
            names = "--to",
            required = true,
            description = "JDBC URL of the empty PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/keyhole.")
    String url = "";

    @Option(names = "--user", description = "PostgreSQL user (default: the driver's, your login name).")
    @Nullable
    String user;

    CopyToPostgresCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CliException("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database).");
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve("keyhole.mv.db");
        if (!Files.isRegularFile(file)) {
            throw new CliException("No Keyhole database in " + file.getParent() + " (there is no keyhole.mv.db).");
        }
        char[] password = context.terminal().secret("PostgreSQL password for " + url + ": ", PASSWORD);
        try (Connection source = openSource(file.getParent())) {
            Flyway target = Flyway.configure()
                    .dataSource(url, user, new String(password))
                    .locations("classpath:db/migration")
                    .load();
            DatabaseCopy.Result result = new DatabaseCopy(source, target, context.out()::println).run();
            long accounts = result.rows().getOrDefault("users", 0L);
            long codes = result.rows().getOrDefault("authenticator_entities", 0L);
            context.out()
                    .printf(
                            "Copied %d accounts and %d codes into %s (schema version %s).%n"
                                    + "Start Keyhole with spring.datasource.url=%s (and its user and password);"
                                    + " the H2 files in %s are unchanged.%n",
                            accounts, codes, url, result.version(), url, file.getParent());
            return 0;
        } catch (DatabaseCopy.CopyRefusedException e) {
            throw new CliException(e.getMessage());
        } catch (SQLException e) {
            throw new CliException("The copy failed, and the target was left empty: " + firstLine(e.getMessage()));
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new CliException("Could not prepare the target database: " + firstLine(e.getMessage()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Connection openSource(Path dir) {
        String h2 = "jdbc:h2:file:" + dir.resolve("keyhole")
                // The server's own settings, and read-only: the copy never changes the source.
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try {
            return DriverManager.getConnection(h2, "sa", "");
        } catch (SQLException e) {
            throw new CliException(
                    switch (e.getErrorCode()) {
                        case H2_IN_USE -> "The H2 database in " + dir + " is in use: stop the Keyhole server first.";
                        case H2_NOT_FOUND -> "No Keyhole database in " + dir + ".";
                        default -> "Could not open the H2 database in " + dir + ": " + firstLine(e.getMessage());
                    });
        }
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "(no detail)" : message.lines().findFirst().orElse("");
    }
}
