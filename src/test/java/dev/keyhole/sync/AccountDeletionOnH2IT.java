package dev.keyhole.sync;

import dev.keyhole.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AccountDeletionOnH2IT extends AccountDeletionContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
