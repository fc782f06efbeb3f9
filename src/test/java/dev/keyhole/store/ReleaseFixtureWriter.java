package dev.keyhole.store;

import static dev.keyhole.sync.EnteTestClient.expect;

import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import dev.keyhole.testing.PackagedJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@link ReleaseFixture}: starts {@code target/keyhole.jar}, signs up the fixture account through
 * the sync API, syncs codes (one updated, one deleted), stops the jar and copies its H2 file, the jar's
 * migration scripts and what it served into {@code src/test/resources/release-fixture/}.
 *
 * <p>Run it once per release, so that the fixture always holds the schema users have: on the release's own
 * commit (its jar, before any later migration exists), then commit the result on the main line:
 *
 * <pre>
 * git worktree add ../keyhole-release vX.Y.Z &amp;&amp; cd ../keyhole-release
 * ./mvnw -B -ntp -DskipTests package
 * MAVEN_OPTS=--enable-native-access=ALL-UNNAMED ./mvnw -B -ntp -DskipTests -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.keyhole.store.ReleaseFixtureWriter test-compile exec:java
 * cp -r src/test/resources/release-fixture/. ../keyhole/src/test/resources/release-fixture/
 * </pre>
 *
 * The account is new each time (new keys, ids and token); the upgrade test reads them from the fixture.
 */
public final class ReleaseFixtureWriter {

    private static final String CODE = "123456";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReleaseFixtureWriter() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("src", "test", "resources", ReleaseFixture.RESOURCES);
        Path home = Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "release-fixture");
        ObjectNode served;
        try (PackagedJar release = PackagedJar.start(
                home, "--keyhole.ott.fixed-domain=example.test", "--keyhole.ott.fixed-code=" + CODE)) {
            served = syncTheAccount(release);
        }
        // The jar has stopped and closed its database: the file is complete and no longer changes.
        Files.createDirectories(out);
        Files.copy(
                home.resolve("data").resolve(ReleaseFixture.H2_FILE),
                out.resolve(ReleaseFixture.H2_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        copyMigrationsOfTheJar(out.resolve("migrations"));
        served.set("release", release());
        Files.writeString(
                out.resolve("release.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served));
        System.out.println("release fixture written to " + out.toAbsolutePath());
    }

    private static ObjectNode syncTheAccount(PackagedJar release) {
        EnteTestClient phone = new EnteTestClient(release.base());
        phone.signUp(ReleaseFixture.EMAIL, CODE, keysAtTheServersFloor());
        EnteVaultClient vault = new EnteVaultClient(phone).openOrCreateKey();
        vault.create("otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        vault.create("otpauth://totp/Work:me%40example.org?secret=KRSXG5CTMVRXEZLU&issuer=Work&algorithm=SHA256"
                + "&digits=8&period=60&codeDisplay=%7B%22pinned%22%3Atrue%2C%22tags%22%3A%5B%22work%22%5D%7D");
        UUID updated = vault.create("otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQ&issuer=Bank&counter=1");
        UUID deleted = vault.create("otpauth://totp/Old:gone?secret=MFRGGZDFMZTWQ2LK&issuer=Old");
        expect(vault.update(updated, "otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQ&issuer=Bank&counter=7"), 200);
        expect(vault.delete(deleted), 200);
        Map<UUID, String> codes = vault.sync(500);

        ObjectNode served = JSON.createObjectNode().put("phoneToken", phone.token());
        served.set(
                "authenticatorKey", expect(phone.get("/authenticator/key"), 200).body());
        served.set(
                "diff",
                expect(phone.get("/authenticator/entity/diff?sinceTime=0&limit=500"), 200)
                        .body()
                        .path("diff"));
        ObjectNode live = served.putObject("codes");
        codes.forEach((id, uri) -> live.put(id.toString(), uri));
        served.put("deleted", deleted.toString());
        return served;
    }

    /** A web client's key set, with the KEK derived at the server's floor: Argon2id 128 MiB x 32 ops. */
    private static EnteKeys keysAtTheServersFloor() {
        EnteKeys generated = EnteKeys.generate(ReleaseFixture.PASSWORD);
        byte[] kekSalt = Sodium.randomBytes(16);
        byte[] kek = EnteKeys.deriveKek(
                ReleaseFixture.PASSWORD, kekSalt, ReleaseFixture.MEM_LIMIT, ReleaseFixture.OPS_LIMIT);
        Boxed wrappedMaster = Sodium.secretbox(generated.masterKey(), kek);
        ObjectNode attributes = generated
                .keyAttributes()
                .deepCopy()
                .put("kekSalt", b64(kekSalt))
                .put("encryptedKey", b64(wrappedMaster.ciphertext()))
                .put("keyDecryptionNonce", b64(wrappedMaster.nonce()))
                .put("memLimit", ReleaseFixture.MEM_LIMIT)
                .put("opsLimit", ReleaseFixture.OPS_LIMIT);
        return new EnteKeys(ReleaseFixture.PASSWORD, kek, generated.masterKey(), generated.keyPair(), attributes);
    }

    /** The scripts exactly as the release shipped them, for building its state on PostgreSQL too. */
    private static void copyMigrationsOfTheJar(Path migrations) throws IOException {
        String prefix = "BOOT-INF/classes/db/migration/";
        Files.createDirectories(migrations);
        try (JarFile jar = new JarFile(Path.of("target", "keyhole.jar").toFile())) {
            for (ZipEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".sql")) {
                    try (InputStream script = jar.getInputStream(entry)) {
                        Files.copy(
                                script,
                                migrations.resolve(name.substring(prefix.length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static ObjectNode release() throws IOException, InterruptedException {
        ObjectNode release = JSON.createObjectNode();
        try (JarFile jar = new JarFile(Path.of("target", "keyhole.jar").toFile())) {
            release.put("version", jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
        Process git = new ProcessBuilder("git", "describe", "--tags", "--always")
                .redirectErrorStream(true)
                .start();
        release.put("commit", new String(git.getInputStream().readAllBytes()).strip());
        git.waitFor();
        return release;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
