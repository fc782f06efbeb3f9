package dev.keyhole.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Whether the configured database is H2 on files: the only one that the checks and backups here are for. */
final class H2Files {

    private H2Files() {}

    static boolean isH2File(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            // DATABASE_PATH() is NULL for an in-memory database.
            try (Statement statement = connection.createStatement();
                    ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
                return path.next() && path.getString(1) != null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database", e);
        }
    }
}
