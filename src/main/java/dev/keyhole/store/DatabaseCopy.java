package dev.keyhole.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Copies every row of one Keyhole database (the embedded H2, read-only) into a new, empty PostgreSQL one: the
 * target gets its schema from this jar's own Flyway migrations, up to the version the source is at, so its
 * migration history is the one a server started on it would have written; then each table's rows, parents
 * before children, in one transaction. Rows are copied exactly (ciphertexts, ids, timestamps), so the same
 * sign-ins, tokens, passkeys and diffs work afterwards. A target with any table in it is refused; if the copy
 * fails, the tables made here are dropped again, so the target is left as empty as it was found.
 */
public final class DatabaseCopy {

    private static final String HISTORY = "flyway_schema_history";

    /** Rows copied, by table, in the order copied. */
    public record Result(String version, Map<String, Long> rows) {}

    /** The copy cannot be made; the message says why, for the person running it (no SQL, no secrets). */
    public static final class CopyRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CopyRefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private final Connection source;
    private final Flyway target;
    private final Consumer<String> progress;

    /**
     * @param source a connection to the database to copy from; only read
     * @param target Flyway configured with the target's data source and this jar's migrations
     * @param progress told one line per step, for the person waiting
     */
    public DatabaseCopy(Connection source, Flyway target, Consumer<String> progress) {
        this.source = source;
        this.target = target;
        this.progress = progress;
    }

    public Result run() throws SQLException {
        MigrationVersion version = sourceVersion();
        try (Connection into = target.getConfiguration().getDataSource().getConnection()) {
            List<String> existing = tables(into);
            if (!existing.isEmpty()) {
                throw new CopyRefusedException("The target database is not empty (it has "
                        + existing.size() + " tables, e.g. " + existing.getFirst()
                        + "). Copy into a new, empty database.");
            }
            progress.accept("Creating Keyhole's tables (migrations up to " + version + ")...");
            try {
                Flyway.configure()
                        .configuration(target.getConfiguration())
                        .target(version)
                        .load()
                        .migrate();
                Result result = new Result(version.toString(), copyRows(into));
                progress.accept("Checking the copy...");
                checkCounts(into, result.rows());
                return result;
            } catch (SQLException | RuntimeException e) {
                dropAll(into);
                throw e;
            }
        }
    }

    /** The source's schema version, which must be one of this jar's migrations (not a newer Keyhole's). */
    private MigrationVersion sourceVersion() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement statement = source.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new CopyRefusedException("The source is not a Keyhole database (it has no migration history).");
        }
        if (applied.isEmpty()) {
            throw new CopyRefusedException("The source database has no Keyhole tables yet.");
        }
        Set<String> known = new LinkedHashSet<>();
        for (MigrationInfo migration : target.info().all()) {
            if (migration.getVersion() != null) {
                known.add(migration.getVersion().toString());
            }
        }
        for (String version : applied) {
            if (!known.contains(version)) {
                throw new CopyRefusedException("The source database was made by a newer Keyhole (migration " + version
                        + " is unknown to this one): run the copy with that version's jar.");
            }
        }
        return MigrationVersion.fromVersion(applied.getLast());
    }

    private Map<String, Long> copyRows(Connection into) throws SQLException {
        boolean autoCommit = into.getAutoCommit();
        into.setAutoCommit(false);
        try {
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : parentsFirst(into)) {
                copied.put(table, copyTable(into, table));
                progress.accept("  " + table + ": " + copied.get(table) + " rows");
            }
            resetIdentities(into);
            into.commit();
            return copied;
        } catch (SQLException | RuntimeException e) {
            into.rollback();
            throw e;
        } finally {
            into.setAutoCommit(autoCommit);
        }
    }

    private long copyTable(Connection into, String table) throws SQLException {
        List<String> columns = columns(into, table);
        String list = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        long count = 0;
        try (Statement read = source.createStatement();
                ResultSet rows = read.executeQuery("SELECT " + list + " FROM " + table);
                PreparedStatement write =
                        into.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            while (rows.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, rows.getObject(i));
                }
                write.addBatch();
                if (++count % 500 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return count;
    }

    /** Identity columns go on from the highest id copied, so the next row inserted gets a new one. */
    private static void resetIdentities(Connection into) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = into.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rows.next()) {
                identities.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] identity : identities) {
            try (Statement statement = into.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                        + "'), COALESCE((SELECT MAX(" + identity[1] + ") FROM " + identity[0] + "), 0) + 1, false)");
            }
        }
    }

    private void checkCounts(Connection into, Map<String, Long> copied) throws SQLException {
        for (Map.Entry<String, Long> table : copied.entrySet()) {
            long source = count(this.source, table.getKey());
            long target = count(into, table.getKey());
            if (source != table.getValue() || target != table.getValue()) {
                throw new IllegalStateException("table " + table.getKey() + ": " + source + " rows in the source, "
                        + target + " in the target");
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Keyhole's tables in the target, each after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection into) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables(into)) {
            if (!table.equals(HISTORY)) {
                parents.put(table, new LinkedHashSet<>());
            }
        }
        try (Statement statement = into.createStatement();
                ResultSet rows = statement.executeQuery("SELECT child.relname, parent.relname FROM pg_constraint c"
                        + " JOIN pg_class child ON child.oid = c.conrelid"
                        + " JOIN pg_class parent ON parent.oid = c.confrelid"
                        + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                        + " WHERE c.contype = 'f' AND n.nspname = current_schema()")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(rows.getString(2)) && parents.containsKey(rows.getString(1))) {
                    parents.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            boolean progressed = false;
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection into, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = into.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> tables(Connection into) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = into.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Leaves the target as empty as it was found: every table in it was made by this copy. */
    private static void dropAll(Connection into) throws SQLException {
        if (!into.getAutoCommit()) {
            into.rollback();
        }
        for (String table : tables(into)) {
            try (Statement statement = into.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        }
        if (!into.getAutoCommit()) {
            into.commit();
        }
    }
}
