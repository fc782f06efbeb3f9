package dev.keyhole.cli.imports;

import dev.keyhole.cli.exports.EnteExport;
import dev.keyhole.cli.exports.EnteExportFile;
import dev.keyhole.cli.exports.ExportFileException;
import dev.keyhole.cli.keys.Passwords;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Ente Auth's encrypted export (version 1): decrypted, then read as the plain-text export it holds. */
final class EnteEncryptedImporter implements Importer {

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        byte[] secret = null;
        try {
            EnteExportFile export = EnteExport.parse(Json.stripBom(new String(file, StandardCharsets.UTF_8)));
            secret = Passwords.take(password.ask());
            return new TextListImporter().read(EnteExport.decrypt(export, secret));
        } catch (ExportFileException e) {
            throw new ImportException(e.getMessage(), e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
