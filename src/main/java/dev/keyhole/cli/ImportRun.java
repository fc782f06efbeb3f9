package dev.keyhole.cli;

import dev.keyhole.cli.client.UnreachableException;
import dev.keyhole.cli.imports.ImportBatch;
import dev.keyhole.cli.imports.ImportFailure;
import dev.keyhole.cli.imports.ImportedCode;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Uploads a batch code by code: each code is one entity, so each succeeds or fails alone. A code already in the
 * vault, or earlier in the same file, with the same type, issuer, account and secret, is skipped.
 */
final class ImportRun {

    static final int PROGRESS_EVERY = 50;

    record Summary(int added, List<ImportedCode> skipped, List<ImportFailure> failed) {}

    /** What makes two codes the same code, whatever their display settings or parameters. */
    private record Identity(OtpType type, String issuer, String account, String secret) {
        static Identity of(OtpCode code) {
            return new Identity(code.type(), code.issuer(), code.account(), code.secret());
        }
    }

    private ImportRun() {}

    /**
     * @param upload   stores one code; throws to fail it
     * @param progress told the number of codes handled so far, every {@link #PROGRESS_EVERY}
     */
    static Summary run(
            ImportBatch batch, Collection<OtpCode> existing, Consumer<OtpCode> upload, IntConsumer progress) {
        Set<Identity> seen = new HashSet<>();
        existing.forEach(code -> seen.add(Identity.of(code)));
        int added = 0;
        List<ImportedCode> skipped = new ArrayList<>();
        List<ImportFailure> failed = new ArrayList<>(batch.failures());
        List<ImportedCode> codes = batch.codes();
        for (int i = 0; i < codes.size(); i++) {
            ImportedCode code = codes.get(i);
            if (!seen.add(Identity.of(code.code()))) {
                skipped.add(code);
            } else {
                try {
                    upload.accept(code.code());
                    added++;
                } catch (UnreachableException e) {
                    // The server is gone: every further code would fail the same way.
                    codes.subList(i, codes.size())
                            .forEach(rest ->
                                    failed.add(new ImportFailure(rest.source(), "not imported: " + e.getMessage())));
                    break;
                } catch (RuntimeException e) {
                    failed.add(new ImportFailure(code.source(), ErrorReporter.message(e)));
                }
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        return new Summary(added, skipped, failed);
    }
}
