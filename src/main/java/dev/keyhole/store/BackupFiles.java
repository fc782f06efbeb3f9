package dev.keyhole.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup folder: one {@code keyhole-<UTC time>.zip} per backup, so names sort by age; a backup is
 * written under a temporary name and renamed once complete and on disk, so a file with a backup's name is
 * always whole. Only the owner may read them (they hold every account's encrypted vault and verifiers).
 */
final class BackupFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("keyhole-\\d{8}T\\d{6}Z\\.zip");
    private static final String PARTIAL = ".partial";

    private final Path dir;

    BackupFiles(Path dir) {
        this.dir = dir;
    }

    /** Creates the folder (owner-only where the file system has POSIX permissions) and names a new backup. */
    Path prepare(Instant takenAt) throws IOException {
        if (Files.getFileStore(Files.createDirectories(dir)).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir.resolve("keyhole-" + STAMP.format(takenAt) + ".zip" + PARTIAL);
    }

    /** Makes a finished partial file a backup: forced to disk, owner-only, renamed in one step. */
    Path complete(Path partial) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        String name = partial.getFileName().toString();
        Path backup = partial.resolveSibling(name.substring(0, name.length() - PARTIAL.length()));
        return Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The backups, newest first. */
    List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(
                                    (Path file) -> file.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    /** When a backup was started, to the second, from its name. */
    static Instant takenAt(Path backup) {
        String name = backup.getFileName().toString();
        return STAMP.parse(name.substring("keyhole-".length(), name.length() - ".zip".length()), Instant::from);
    }

    /** Deletes all but the newest {@code keep} backups; other files in the folder are left alone. */
    List<Path> prune(int keep) throws IOException {
        List<Path> old = list().stream().skip(keep).toList();
        for (Path file : old) {
            Files.deleteIfExists(file);
        }
        return old;
    }
}
