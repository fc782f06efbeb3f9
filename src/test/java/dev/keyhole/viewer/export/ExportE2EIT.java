package dev.keyhole.viewer.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.CliRun;
import dev.keyhole.cli.CliSeeding;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.otp.Base32;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import dev.keyhole.sync.MutableClock;
import dev.keyhole.sync.TestClockConfiguration;
import dev.keyhole.testing.browser.RequestLog;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.viewer.ViewerBrowserCase;
import dev.keyhole.viewer.pages.HeaderPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export from the browser, end to end: the Ente encrypted file opens with the shared vector procedure to
 * the vault's URIs and imports into a fresh account with the CLI; the plain list is that text; the QR codes,
 * read back from screenshots, give back every code; no request carries any of it; and without a fresh
 * proof of the owner the page refuses.
 */
@Import(TestClockConfiguration.class)
class ExportE2EIT extends ViewerBrowserCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXPORT_PASSWORD = "export password 1";

    /** Google's format holds these: twelve alike (two batches), an HOTP, one with Ente's display data. */
    private static final List<String> FITTING = fitting();

    /** Google's format cannot hold these: Steam, 7 digits, a 60-second period. */
    private static final List<String> LEFT_OUT = List.of(
            "otpauth://steam/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam",
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7",
            "otpauth://totp/Slow:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Slow&period=60");

    /** In the trash: in the Ente export and the list (as Ente's apps export it), in no QR code. */
    private static final String TRASHED = "otpauth://totp/Old:gone?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Old"
            + "&codeDisplay=%7B%22trashed%22%3Atrue%7D";

    @Autowired
    MutableClock clock;

    @TempDir
    Path work;

    private TestAccount account;
    private RequestLog requests;

    private static List<String> fitting() {
        List<String> uris = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            uris.add("otpauth://totp/Site" + i + ":user" + i + "@example.com?secret="
                    // 20 bytes: 32 base32 characters, no padding.
                    + Base32.encode(String.format("secret number %02d abc", i).getBytes(StandardCharsets.UTF_8))
                    + "&issuer=Site" + i);
        }
        uris.add("otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8"
                + "&counter=10300");
        uris.add(
                "otpauth://totp/Work:alice@corp.example?secret=JBSWY3DPEHPK3PXP&issuer=Work&algorithm=SHA256"
                        + "&digits=8&codeDisplay=%7B%22pinned%22%3Atrue%2C%22tags%22%3A%5B%22work%22%5D%2C%22note%22%3A%22VPN%22%7D");
        return List.copyOf(uris);
    }

    @BeforeAll
    void accountAndRequestLog() {
        account = TestAccount.signUp(port, "export");
        FITTING.forEach(account::add);
        LEFT_OUT.forEach(account::add);
        account.add(TRASHED);
        requests = RequestLog.start(browser);
    }

    @AfterAll
    void stopRequestLog() {
        requests.close();
    }

    @Test
    void theEnteExportOpensToTheVaultsUrisAndImportsIntoAFreshAccountWithTheCli() throws Exception {
        Path downloads = downloadsFolder("ente");
        ExportPage page = signInAndOpenExport();

        Path file = page.downloadEnte(EXPORT_PASSWORD, downloads);
        Path plain = page.downloadPlain(downloads);

        String text = decryptAsTheVectorSays(Files.readString(file), EXPORT_PASSWORD);
        assertThat(text).endsWith("\n");
        assertThat(text.lines().toList())
                .containsExactlyInAnyOrderElementsOf(account.uris().values().stream()
                        .map(uri -> uri.replace(",", "%2C"))
                        .toList());
        assertThat(Files.readString(plain)).isEqualTo(text);
        assertNoRequestCarries(
                secretsOf(text),
                JSON.readTree(Files.readString(file)).path("encryptedData").asString(),
                EXPORT_PASSWORD);

        CliRun cli = CliSeeding.cli(work.resolve("cli"), "fresh account password");
        CliRun created =
                cli.execute("account", "create", "--server", baseUrl(), "--email", "export-fresh@example.test");
        assertThat(created.exitCode()).as(created.err()).isZero();
        CliRun imported =
                cli.withEnv(Map.of("KEYHOLE_FILE_PASSWORD", EXPORT_PASSWORD)).execute("import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        int all = account.uris().size();
        assertThat(imported.out()).startsWith("Added " + all + ", skipped 0 (duplicates), failed 0\n");
        Path again = work.resolve("fresh-account.txt");
        CliRun exported = cli.execute("export", again.toString(), "--plain");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(codes(Files.readAllLines(again)))
                .isEqualTo(codes(account.uris().values()));
    }

    @Test
    void theQrCodesReadFromTheScreenGiveBackEveryCodeAndTheMigrationBatchesEveryField() throws Exception {
        ExportPage page = signInAndOpenExport();

        List<MigrationPayload> batches =
                page.migrationQrCodes(2).stream().map(MigrationPayload::parse).toList();

        assertThat(batches).extracting(MigrationPayload::batchIndex).containsExactly(0, 1);
        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.batchSize()).isEqualTo(2);
            assertThat(batch.version()).isEqualTo(1);
            assertThat(batch.batchId()).isEqualTo(batches.getFirst().batchId());
        });
        assertThat(batches).extracting(batch -> batch.otps().size()).containsExactly(10, 4);
        List<String> read = batches.stream()
                .flatMap(batch -> batch.otps().stream())
                .map(ExportE2EIT::describe)
                .toList();
        assertThat(read)
                .containsExactlyInAnyOrderElementsOf(FITTING.stream()
                        .map(ExportE2EIT::parse)
                        .map(ExportE2EIT::describe)
                        .toList());
        assertThat(page.leftOut()).hasSize(LEFT_OUT.size());
        assertThat(String.join("\n", page.leftOut())).contains("Steam", "SPDX", "Slow");

        int shown = page.singleCodes();
        assertThat(shown).isEqualTo(FITTING.size() + LEFT_OUT.size());
        Set<String> single = new HashSet<>();
        IntStream.range(0, shown).forEach(index -> single.add(page.singleQrCode(index)));
        Set<String> expected = new HashSet<>(FITTING);
        expected.addAll(LEFT_OUT);
        assertThat(single).isEqualTo(expected);

        List<String> secrets = new ArrayList<>(secretsOf(String.join("\n", expected)));
        batches.forEach(batch ->
                batch.otps().forEach(otp -> secrets.add(Base64.getEncoder().encodeToString(otp.secret()))));
        assertNoRequestCarries(secrets);
    }

    @Test
    void withoutAFreshProofOfTheOwnerTheExportIsRefusedWithAClearMessage() {
        forgetAll();
        LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        new HeaderPage(browser, waitUp()).click("nav-export");
        ExportPage page = new ExportPage(browser, waitUp());

        assertThat(page.refusal()).contains("exporting needs a recent sign-in").contains("passkey");
        assertThat(page.showsFormats()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[0];
                fetch('/web/export/proof').then(async r => done({ status: r.status, body: await r.json() }));
                """);
        assertThat(answer.get("status")).isEqualTo(403L);
        assertThat(answer.get("body").toString())
                .contains("RECENT_SIGN_IN_REQUIRED", "Exporting needs a recent sign-in");
    }

    private ExportPage signInAndOpenExport() {
        forgetAll();
        LoginPage.open(browser, waitUp(), baseUrl() + "/login").signIn(account.email, TestAccount.PASSWORD);
        requests.clear();
        new HeaderPage(browser, waitUp()).click("nav-export");
        return new ExportPage(browser, waitUp()).waitUntilReady();
    }

    private Path downloadsFolder(String name) throws IOException {
        Path folder = Files.createDirectories(work.resolve("downloads-" + name));
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        folder.toAbsolutePath().toString()));
        return folder;
    }

    /** The shared vector's procedure: Argon2id(password, salt, opsLimit, memLimit), one secretstream chunk. */
    private static String decryptAsTheVectorSays(String file, String password) {
        JsonNode json = JSON.readTree(file);
        assertThat(json.path("version").asInt()).isEqualTo(1);
        JsonNode kdf = json.path("kdfParams");
        assertThat(kdf.path("memLimit").asLong() * kdf.path("opsLimit").asLong())
                .as("Ente's sensitive work, 4 GiB")
                .isEqualTo(4L << 30);
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] key = Sodium.argon2id(
                password.getBytes(StandardCharsets.UTF_8),
                b64.decode(kdf.path("salt").asString()),
                kdf.path("opsLimit").asLong(),
                kdf.path("memLimit").asLong());
        byte[] plain = Sodium.secretstreamDecrypt(
                b64.decode(json.path("encryptedData").asString()),
                b64.decode(json.path("encryptionNonce").asString()),
                key);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Every request since the export page opened: none names a secret or any of {@code also}. */
    private void assertNoRequestCarries(Collection<String> secrets, String... also) {
        List<RequestLog.Request> seen = requests.requests();
        assertThat(seen)
                .as("the log saw the page's own requests")
                .anyMatch(r -> r.url().endsWith("/web/export/proof"));
        assertThat(seen).filteredOn(r -> r.url().contains("/web/export/")).allSatisfy(r -> {
            assertThat(r.url()).endsWith("/web/export/proof");
            assertThat(r.body()).isEmpty();
        });
        List<String> forbidden = new ArrayList<>(secrets);
        forbidden.addAll(List.of(also));
        forbidden.add("otpauth");
        for (RequestLog.Request request : seen) {
            String carried = request.url() + "\n" + request.body();
            assertThat(forbidden)
                    .noneMatch(secret -> carried.contains(secret)
                            || carried.contains(secret.substring(0, Math.min(secret.length(), 24))));
        }
    }

    /** The base32 secrets in otpauth lines, as the URIs write them. */
    private static List<String> secretsOf(String lines) {
        return lines.lines()
                .filter(line -> !line.isBlank())
                .map(line -> parse(line).secret())
                .toList();
    }

    private static Set<OtpCode> codes(Collection<String> uris) {
        Set<OtpCode> codes = new HashSet<>();
        uris.stream().filter(uri -> !uri.isBlank()).map(ExportE2EIT::parse).forEach(codes::add);
        return codes;
    }

    private static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every field Google's format holds, the same way for a decoded payload and an expected code. */
    private static String describe(MigrationPayload.Otp otp) {
        return String.join(
                " ",
                Base32.encode(otp.secret()),
                otp.issuer(),
                otp.name(),
                List.of("?", "SHA1", "SHA256", "SHA512").get(otp.algorithm()),
                otp.digits() == 1 ? "6" : otp.digits() == 2 ? "8" : "?" + otp.digits(),
                otp.type() == 1 ? "HOTP " + otp.counter() : otp.type() == 2 ? "TOTP" : "?" + otp.type());
    }

    private static String describe(OtpCode code) {
        return String.join(
                " ",
                Base32.encode(Base32.decode(code.secret())),
                code.issuer(),
                code.account(),
                code.algorithm().name(),
                String.valueOf(code.digits()),
                code.type() == OtpType.HOTP ? "HOTP " + code.counter() : "TOTP");
    }
}
