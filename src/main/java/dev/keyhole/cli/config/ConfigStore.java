package dev.keyhole.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code config.json}, which holds a session token: in a 0700 directory, through
 * {@link PrivateFiles}, so the token is never readable by others, not even briefly.
 */
public final class ConfigStore {

    static final String FILE_NAME = "config.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;

    public ConfigStore(Path dir) {
        this.dir = dir;
    }

    /** KEYHOLE_CONFIG_DIR, else $XDG_CONFIG_HOME/keyhole, else ~/.config/keyhole. */
    public static ConfigStore fromEnvironment(Map<String, String> env) {
        String explicit = env.get("KEYHOLE_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new ConfigStore(Path.of(explicit));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ConfigStore(base.resolve("keyhole"));
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public CliConfig load() {
        if (!Files.exists(file())) {
            return CliConfig.EMPTY;
        }
        try {
            return JSON.readValue(Files.readString(file()), CliConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file() + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("The config file " + file() + " is damaged; delete it and log in again.");
        }
    }

    public void save(CliConfig config) {
        try {
            PrivateFiles.createDirectories(dir);
            PrivateFiles.write(file(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file() + ": " + e.getMessage(), e);
        }
    }
}
