package dev.keyhole.sync;

import dev.keyhole.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SyncProtocolPostgresIT extends SyncProtocolContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
