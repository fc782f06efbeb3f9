package dev.keyhole.vault;

import dev.keyhole.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class VaultStorePostgresIT extends VaultStoreContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
