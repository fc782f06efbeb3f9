package dev.keyhole.vault;

import dev.keyhole.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class VaultStoreH2IT extends VaultStoreContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
