package dev.keyhole.cli;

import dev.keyhole.cli.config.PrivateFiles;
import dev.keyhole.cli.exports.EnteExport;
import dev.keyhole.cli.keys.Passwords;
import dev.keyhole.cli.sync.StoredCode;
import dev.keyhole.cli.sync.Vault;
import dev.keyhole.otp.OtpCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        description = {
            "Export every code to an Ente Auth encrypted export.",
            "Ente Auth and keyhole import read it. Its password is asked for twice, or read from "
                    + "KEYHOLE_FILE_PASSWORD."
        })
final class ExportCommand implements Callable<Integer> {

    /** Ente's apps refuse shorter export passwords. */
    static final int MIN_PASSWORD = 4;

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    @Parameters(paramLabel = "FILE", description = "Where to write the export.")
    Path file = Path.of("");

    @Option(
            names = "--plain",
            description = "Write the codes unencrypted, one otpauth URI a line (Ente's plain-text export).")
    boolean plain;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!force && Files.exists(file)) {
            throw new CliException(file + " exists; use --force to replace it.");
        }
        Vault.Contents contents = SignedIn.require(context, server).readCodes(context);
        contents.unreadable().forEach(reason -> context.err().println("Not exported: " + reason + "."));
        List<OtpCode> codes = contents.codes().stream().map(StoredCode::code).toList();
        String text = EnteExport.plainText(codes);
        if (plain) {
            context.err()
                    .println("Warning: " + file + " holds your secrets unencrypted; anyone who reads it can "
                            + "make your codes. Keep it safe and delete it when done.");
            write(text);
        } else {
            byte[] password = Passwords.take(
                    context.terminal().newSecret("Password for the export: ", Terminal.FILE_PASSWORD, MIN_PASSWORD));
            try {
                write(EnteExport.encrypt(text, password));
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        }
        context.out().println("Exported " + codes.size() + " codes to " + file + (plain ? " (unencrypted)." : "."));
        return 0;
    }

    private void write(String content) {
        try {
            PrivateFiles.write(file, content, force);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(file + " exists; use --force to replace it.");
        } catch (IOException e) {
            throw new CliException("Cannot write " + file + ": " + e.getMessage());
        }
    }
}
