package dev.keyhole.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFilesTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCompletedBackupCarriesItsStartTimeInItsNameAndNoPartialIsLeft() throws IOException {
        BackupFiles files = new BackupFiles(dir.resolve("backups"));
        Path partial = files.prepare(NOON);
        Files.writeString(partial, "zip");

        Path backup = files.complete(partial);

        assertThat(backup.getFileName()).hasToString("keyhole-20261201T120000Z.zip");
        assertThat(BackupFiles.takenAt(backup)).isEqualTo(NOON);
        assertThat(partial).doesNotExist();
        assertThat(files.list()).containsExactly(backup);
    }

    @Test
    void pruningKeepsTheNewestBackupsAndLeavesOtherFilesAlone() throws IOException {
        BackupFiles files = new BackupFiles(dir);
        for (int day = 0; day < 5; day++) {
            Files.writeString(files.complete(writePartial(files, NOON.plusSeconds(86_400L * day))), "zip");
        }
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path unfinished = writePartial(files, NOON.plusSeconds(86_400L * 9));

        assertThat(files.prune(2)).hasSize(3);

        assertThat(files.list())
                .extracting(path -> path.getFileName().toString())
                .containsExactly("keyhole-20261205T120000Z.zip", "keyhole-20261204T120000Z.zip");
        assertThat(unrelated).exists();
        assertThat(unfinished).exists();
    }

    private static Path writePartial(BackupFiles files, Instant at) throws IOException {
        return Files.writeString(files.prepare(at), "zip");
    }
}
