package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.client.ServerException;
import dev.keyhole.cli.client.UnreachableException;
import dev.keyhole.cli.imports.ImportBatch;
import dev.keyhole.cli.imports.ImportFailure;
import dev.keyhole.cli.imports.ImportedCode;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each code uploads on its own; duplicates are skipped, failures named, and progress shown on long runs. */
class ImportRunTest {

    private final List<OtpCode> uploaded = new ArrayList<>();

    @Test
    void codesAlreadyInTheVaultOrEarlierInTheFileAreSkipped() {
        OtpCode github = code("GitHub", "alice", "JBSWY3DPEHPK3PXP");
        OtpCode githubPinned = code("GitHub", "alice", "JBSWY3DPEHPK3PXP&codeDisplay=%7B%22pinned%22%3Atrue%7D");
        OtpCode bank = code("Bank", "alice", "GEZDGNBVGY3TQOJQ");
        ImportBatch batch = batch(github, bank, bank, githubPinned);

        ImportRun.Summary summary = ImportRun.run(batch, List.of(github), uploaded::add, done -> {});

        assertThat(summary.added()).isEqualTo(1);
        assertThat(uploaded).containsExactly(bank);
        assertThat(summary.skipped()).extracting(ImportedCode::source).containsExactly("line 1", "line 3", "line 4");
    }

    @Test
    void aRefusedCodeFailsAloneAndTheOthersStillUpload() {
        ImportBatch batch = new ImportBatch(
                List.of(
                        imported(1, code("A", "a", "JBSWY3DPEHPK3PXP")),
                        imported(2, code("B", "b", "JBSWY3DPEHPK3PXP")),
                        imported(3, code("C", "c", "JBSWY3DPEHPK3PXP"))),
                List.of(new ImportFailure("line 4", "invalid secret")));

        ImportRun.Summary summary = ImportRun.run(
                batch,
                List.of(),
                code -> {
                    if (code.issuer().equals("B")) {
                        throw new ServerException(413, "TOO_LARGE", "Request too large");
                    }
                    uploaded.add(code);
                },
                done -> {});

        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.failed())
                .extracting(ImportFailure::toString)
                .containsExactly("line 4: invalid secret", "line 2: The server refused: Request too large (HTTP 413).");
    }

    @Test
    void anUnreachableServerStopsTheRunAndNamesEveryCodeNotImported() {
        ImportBatch batch = batch(code("A", "a", "JBSWY3DPEHPK3PXP"), code("B", "b", "JBSWY3DPEHPK3PXP"));

        ImportRun.Summary summary = ImportRun.run(
                batch,
                List.of(),
                code -> {
                    throw new UnreachableException("Cannot reach http://x: connection refused", new IOException());
                },
                done -> {});

        assertThat(summary.failed())
                .extracting(ImportFailure::toString)
                .containsExactly(
                        "line 1: not imported: Cannot reach http://x: connection refused",
                        "line 2: not imported: Cannot reach http://x: connection refused");
    }

    @Test
    void progressIsReportedEveryFiftyCodes() {
        ImportBatch batch = batch(IntStream.range(0, 120)
                .mapToObj(i -> code("I" + i, "a", "JBSWY3DPEHPK3PXP"))
                .toArray(OtpCode[]::new));
        List<Integer> progress = new ArrayList<>();

        ImportRun.run(batch, List.of(), uploaded::add, progress::add);

        assertThat(progress).containsExactly(50, 100);
        assertThat(uploaded).hasSize(120);
    }

    private static ImportBatch batch(OtpCode... codes) {
        return new ImportBatch(
                IntStream.range(0, codes.length)
                        .mapToObj(i -> imported(i + 1, codes[i]))
                        .toList(),
                List.of());
    }

    private static ImportedCode imported(int line, OtpCode code) {
        return new ImportedCode("line " + line, code);
    }

    private static OtpCode code(String issuer, String account, String secretAndMore) {
        try {
            return OtpAuthUri.parse("otpauth://totp/" + issuer + ":" + account + "?secret=" + secretAndMore);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
