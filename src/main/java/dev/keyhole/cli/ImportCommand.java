package dev.keyhole.cli;

import dev.keyhole.cli.imports.FormatDetector;
import dev.keyhole.cli.imports.ImportBatch;
import dev.keyhole.cli.imports.ImportException;
import dev.keyhole.cli.imports.ImportFormat;
import dev.keyhole.cli.sync.StoredCode;
import dev.keyhole.cli.sync.Vault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = {
            "Import codes from another authenticator's export.",
            "Each code is encrypted here and uploaded on its own; codes already in Keyhole are skipped. An encrypted "
                    + "export's password is asked for, or read from KEYHOLE_FILE_PASSWORD. The format is detected: "
                    + "otpauth URI lists, Ente Auth (plain or encrypted), Google Authenticator migration URIs, Aegis (plain or "
                    + "encrypted), 2FAS (plain or encrypted), Bitwarden JSON, andOTP, Proton Authenticator."
        })
final class ImportCommand implements Callable<Integer> {

    /** As {@link ImportFormat#names()}; an annotation needs a constant. */
    static final String FORMATS = "otpauth, ente, ente-encrypted, google, aegis, 2fas, bitwarden, andotp, proton";

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    @Parameters(paramLabel = "FILE", description = "The export file.")
    Path file = Path.of("");

    @Option(names = "--format", paramLabel = "FORMAT", description = "Skip detection: " + FORMATS + ".")
    @Nullable
    String format;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Cheap local checks first, so nobody types a password only to learn the file or the login is missing.
        byte[] bytes = readFile();
        SignedIn account = SignedIn.require(context, server);
        ImportBatch batch = parse(bytes);
        ImportRun.Summary summary;
        if (batch.codes().isEmpty()) {
            summary = ImportRun.run(batch, List.of(), code -> {}, done -> {});
        } else {
            Vault vault = account.openVault(context);
            Vault.Contents contents = vault.contents();
            PrintWriter err = context.err();
            summary = ImportRun.run(
                    batch,
                    contents.codes().stream().map(StoredCode::code).toList(),
                    vault::add,
                    done -> err.printf(
                            "%d of %d codes...%n", done, batch.codes().size()));
        }
        report(summary);
        return summary.failed().isEmpty() ? 0 : ErrorReporter.FAILED;
    }

    private byte[] readFile() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException("No such file: " + file);
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private ImportBatch parse(byte[] bytes) {
        try {
            ImportFormat chosen = format != null ? ImportFormat.named(format) : FormatDetector.detect(bytes);
            return chosen.read(
                    bytes,
                    () -> context.terminal()
                            .secret("Password for " + file.getFileName() + ": ", Terminal.FILE_PASSWORD));
        } catch (ImportException e) {
            throw new CliException(e.getMessage());
        }
    }

    private void report(ImportRun.Summary summary) {
        PrintWriter out = context.out();
        out.printf(
                "Added %d, skipped %d (duplicates), failed %d%n",
                summary.added(), summary.skipped().size(), summary.failed().size());
        summary.skipped()
                .forEach(code -> out.printf(
                        "  skipped %s: %s is already there%n", code.source(), CodesCommand.title(code.code())));
        summary.failed().forEach(failure -> out.printf("  failed %s%n", failure));
    }
}
