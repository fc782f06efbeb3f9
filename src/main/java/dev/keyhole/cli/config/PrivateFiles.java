package dev.keyhole.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold credentials or secrets: created owner-only (0600) from the first byte, in a
 * temporary file beside the target, then moved into place, so no reader ever sees them open or half-written.
 */
public final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** @throws FileAlreadyExistsException when the file exists and {@code replace} is false */
    public static void write(Path file, String content, boolean replace) throws IOException {
        Path target = file.toAbsolutePath();
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temp = Files.createTempFile(
                target.getParent(), target.getFileName().toString(), ".tmp", ownerOnly("rw-------"));
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates the directory, and any missing parents, owner-only (0700). */
    public static void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir, ownerOnly("rwx------"));
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
