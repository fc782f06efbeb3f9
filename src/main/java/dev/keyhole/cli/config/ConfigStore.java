package dev.keyhole.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code config.json}. The directory is created 0700 and every version of the file 0600 at the
 * moment it is created (then moved into place), so the token is never readable by others, not even briefly.
 */
public final class ConfigStore {

    static final String FILE_NAME = "config.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

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
            Files.createDirectories(dir, ownerOnly("rwx------"));
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly("rw-------"));
            try {
                Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file() + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }
}
