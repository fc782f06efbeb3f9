package dev.keyhole.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The release's state on PostgreSQL: its schema and history made by the release's own scripts (copied from
 * its jar into the fixture), then every row of the release's H2 database. There is no pg_dump here, and a
 * dump would have to be kept in step with the H2 file by hand; this builds the same state from the one
 * source.
 */
final class ReleaseOnPostgres {

    private static final String HISTORY = "flyway_schema_history";

    private ReleaseOnPostgres() {}

    static void rebuild(DataSource postgres, Connection releaseH2) throws SQLException {
        Flyway.configure()
                .dataSource(postgres)
                .locations("classpath:" + ReleaseFixture.MIGRATIONS)
                .load()
                .migrate();
        try (Connection pg = postgres.getConnection()) {
            pg.setAutoCommit(false);
            try (Statement statement = pg.createStatement()) {
                // Tables are copied in any order: the rows already satisfied their foreign keys in the release.
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            for (String table : tables(pg)) {
                copy(table, releaseH2, pg);
            }
            restartIdentities(pg);
            pg.commit();
        }
    }

    private static List<String> tables(Connection pg) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = pg.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME");
                if (!name.equals(HISTORY)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static void copy(String table, Connection from, Connection to) throws SQLException {
        try (Statement read = from.createStatement();
                ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        write.setObject(i, rows.getObject(i));
                    }
                    write.addBatch();
                }
                write.executeBatch();
            }
        }
    }

    /** Identity columns were given explicit values: the next generated id must come after them. */
    private static void restartIdentities(Connection pg) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = pg.createStatement();
                ResultSet found =
                        statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'public' AND is_identity = 'YES'")) {
            while (found.next()) {
                identities.add(new String[] {found.getString(1), found.getString(2)});
            }
        }
        for (String[] identity : identities) {
            try (Statement statement = pg.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                        + "'), COALESCE((SELECT MAX(" + identity[1] + ") FROM " + identity[0] + "), 0) + 1, false)");
            }
        }
    }
}
