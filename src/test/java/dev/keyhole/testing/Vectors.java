package dev.keyhole.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test vectors and sample files, read as they are from {@code ../shared} beside the checkout.
 * A missing directory fails the test: a vector test must never pass by not running.
 */
public final class Vectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Vectors() {}

    public static Path sharedDir() {
        Path dir = Path.of(System.getProperty("keyhole.shared.dir", "../shared"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(dir.resolve("vectors"))) {
            throw new IllegalStateException("shared test vectors not found at " + dir
                    + " (set -Dkeyhole.shared.dir to the folder holding vectors/ and samples/)");
        }
        return dir;
    }

    /** A file under shared/vectors, parsed as JSON. */
    public static JsonNode json(String name) {
        return JSON.readTree(read(sharedDir().resolve("vectors").resolve(name)));
    }

    /** A file under shared/samples, as bytes. */
    public static byte[] sample(String relativePath) {
        try {
            return Files.readAllBytes(sharedDir().resolve("samples").resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
