package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one set of Flyway migrations brings an empty H2 and an empty PostgreSQL to the same schema. */
@SpringBootTest
abstract class MigrationsContract {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMigrationIsAppliedAndNoneIsPending() {
        MigrationInfo[] all = flyway.info().all();

        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theSyncApiTablesExist() {
        for (String table : new String[] {
            "users", "key_attributes", "tokens", "srp_sessions", "authenticator_keys", "authenticator_entities"
        }) {
            Integer count = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = :name")
                    .param("name", table)
                    .query(Integer.class)
                    .single();
            assertThat(count).as("table %s", table).isPositive();
        }
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
