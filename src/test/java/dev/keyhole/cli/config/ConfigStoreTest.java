package dev.keyhole.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.client.KeyAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file keeps the session between runs, readable by its owner only. */
class ConfigStoreTest {

    private static final KeyAttributes ATTRIBUTES = new KeyAttributes(
            "salt", "key", "nonce", "public", "secret", "secretNonce", 268435456, 16, null, null, null, null);

    @TempDir
    Path temp;

    @Test
    void aSavedConfigLoadsBackWithTheLastServerAsDefault() {
        ConfigStore store = new ConfigStore(temp.resolve("keyhole"));
        CliConfig.Account alice = new CliConfig.Account("alice@example.com", 7, "token-a", ATTRIBUTES);

        store.save(CliConfig.EMPTY
                .withAccount("https://a.example", alice)
                .withAccount("https://b.example", new CliConfig.Account("bob@example.com", 8, "token-b", ATTRIBUTES)));
        CliConfig loaded = store.load();

        assertThat(loaded.server()).isEqualTo("https://b.example");
        assertThat(loaded.account("https://a.example")).contains(alice);
    }

    @Test
    void theFileIsOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        ConfigStore store = new ConfigStore(temp.resolve("keyhole"));

        store.save(CliConfig.EMPTY.withServer("https://a.example"));
        store.save(CliConfig.EMPTY.withServer("https://b.example"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("keyhole"))))
                .isEqualTo("rwx------");
        try (var files = Files.list(temp.resolve("keyhole"))) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void aMissingFileIsAnEmptyConfig() {
        assertThat(new ConfigStore(temp).load()).isEqualTo(CliConfig.EMPTY);
    }

    @Test
    void theLocationComesFromKeyholeConfigDirThenXdgConfigHome() {
        assertThat(ConfigStore.fromEnvironment(Map.of("KEYHOLE_CONFIG_DIR", "/x", "XDG_CONFIG_HOME", "/y"))
                        .file())
                .isEqualTo(Path.of("/x/config.json"));
        assertThat(ConfigStore.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/y")).file())
                .isEqualTo(Path.of("/y/keyhole/config.json"));
        assertThat(ConfigStore.fromEnvironment(Map.of()).file())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "keyhole", "config.json"));
    }
}
