package dev.keyhole.sync;

import dev.keyhole.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sync tests on H2 that can share one server and database (each test uses its own accounts). */
abstract class H2SyncCase extends SyncTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
