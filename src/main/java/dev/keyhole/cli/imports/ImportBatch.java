package dev.keyhole.cli.imports;

import dev.keyhole.otp.OtpCode;
import java.util.ArrayList;
import java.util.List;

/** Everything read from one file: the codes in file order, and the entries that could not be read. */
public record ImportBatch(List<ImportedCode> codes, List<ImportFailure> failures) {

    public ImportBatch {
        codes = List.copyOf(codes);
        failures = List.copyOf(failures);
    }

    /** Collects a batch entry by entry. */
    static final class Builder {

        private final List<ImportedCode> codes = new ArrayList<>();
        private final List<ImportFailure> failures = new ArrayList<>();

        void add(ImportedCode code) {
            codes.add(code);
        }

        /** Adds the code, or its failure when no code can be generated from it (an invalid secret, say). */
        void addChecked(String source, OtpCode code) {
            String error = code.error();
            if (error != null) {
                fail(source, error);
            } else {
                add(new ImportedCode(source, code));
            }
        }

        void fail(String source, String reason) {
            failures.add(new ImportFailure(source, reason));
        }

        void addAll(ImportBatch batch) {
            codes.addAll(batch.codes());
            failures.addAll(batch.failures());
        }

        ImportBatch build() {
            return new ImportBatch(codes, failures);
        }
    }
}
