package dev.keyhole.cli.imports;

import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One code per line: plain otpauth URI lists, Ente Auth's plain-text export (the same, with {@code codeDisplay})
 * and Google Authenticator's {@code otpauth-migration://} lines, which may all be mixed. Blank lines are
 * ignored; every failure names its line.
 */
final class TextListImporter implements Importer {

    @Override
    public ImportBatch read(byte[] file, FilePassword password) {
        return read(new String(file, StandardCharsets.UTF_8));
    }

    ImportBatch read(String text) {
        ImportBatch.Builder batch = new ImportBatch.Builder();
        List<String> lines = Json.stripBom(text).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String source = "line " + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            // Old Ente exports joined URIs with commas, which is why Ente writes ',' inside a URI as "%2C".
            for (String uri : line.split(",(?=otpauth(-migration)?://)")) {
                if (GoogleMigration.isMigrationUri(uri)) {
                    batch.addAll(GoogleMigration.read(uri, source));
                } else {
                    readUri(uri, source, batch);
                }
            }
        }
        return batch.build();
    }

    /** Adds the code of one URI, or its failure; shared with the JSON formats that carry URIs. */
    static void readUri(String uri, String source, ImportBatch.Builder batch) {
        try {
            batch.addChecked(source, OtpAuthUri.parse(uri));
        } catch (InvalidOtpAuthUriException e) {
            batch.fail(source, e.getMessage());
        }
    }
}
