package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup a running server writes on H2 is a whole database: unzipped into an empty data folder, it
 * starts a server on which the owner signs in with the password (SRP) and syncs the same diff.
 */
class H2BackupIT {

    private static final String CODE = "123456";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @TempDir
    Path restoredHome;

    @Test
    void aBackupOfTheRunningServerRestoresToTheSameSignInAndDiff() throws Exception {
        String email = "backup-" + UUID.randomUUID() + "@example.test";
        VaultSnapshot before;
        Path backup;
        try (PackagedJar server = PackagedJar.start(
                home,
                "--keyhole.ott.fixed-domain=example.test",
                "--keyhole.ott.fixed-code=" + CODE,
                "--keyhole.backup.schedule=*/2 * * * * *",
                "--keyhole.backup.keep=2")) {
            EnteTestClient phone = new EnteTestClient(server.base());
            phone.signUp(email, CODE, EnteKeys.generate(PASSWORD));
            EnteVaultClient vault = new EnteVaultClient(phone).openOrCreateKey();
            UUID kept = vault.create("otpauth://totp/Backup:kept?secret=JBSWY3DPEHPK3PXP&issuer=Backup");
            UUID renamed = vault.create("otpauth://totp/Backup:old-name?secret=JBSWY3DPEHPK3PXP&issuer=Backup");
            UUID deleted = vault.create("otpauth://hotp/Backup:gone?secret=JBSWY3DPEHPK3PXP&counter=7");
            expect(vault.update(renamed, "otpauth://totp/Backup:new-name?secret=JBSWY3DPEHPK3PXP&issuer=Backup"), 200);
            expect(vault.delete(deleted), 200);
            before = VaultSnapshot.of(phone);
            assertThat(before.live()).containsOnlyKeys(kept, renamed);
            assertThat(before.live().get(renamed)).contains("new-name");
            assertThat(before.tombstones()).containsExactly(deleted);

            backup = backupStartedAfter(home.resolve("data/backups"), Instant.now());
            assertThat(new BackupFiles(home.resolve("data/backups")).list()).hasSizeLessThanOrEqualTo(2);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
        }

        unzip(backup, Files.createDirectories(restoredHome.resolve("data")));
        try (PackagedJar restored = PackagedJar.start(
                restoredHome, "--keyhole.ott.fixed-domain=example.test", "--keyhole.ott.fixed-code=" + CODE)) {
            EnteTestClient laptop = new EnteTestClient(restored.base());
            expect(laptop.logIn(email, PASSWORD), 200);
            assertThat(VaultSnapshot.of(laptop)).isEqualTo(before);
        }
    }

    /** The first backup whose name says it was started after {@code written}, so it must hold those writes. */
    private static Path backupStartedAfter(Path dir, Instant written) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        BackupFiles backups = new BackupFiles(dir);
        while (Instant.now().isBefore(deadline)) {
            Optional<Path> found = backups.list().stream()
                    .filter(file -> BackupFiles.takenAt(file).isAfter(written))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no backup in " + dir + " within " + WAIT.toSeconds() + " s");
    }

    /** What {@code unzip backup.zip -d data} does, as docs/backup.md tells an operator to restore. */
    private static void unzip(Path zip, Path dir) throws IOException {
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(file)) {
            ZipEntry entry;
            int count = 0;
            while ((entry = entries.getNextEntry()) != null) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.getParent()).isEqualTo(dir);
                Files.copy(entries, target);
                count++;
            }
            assertThat(count).as("files in %s", zip).isEqualTo(1);
        }
        assertThat(dir.resolve("keyhole.mv.db")).exists();
    }
}
