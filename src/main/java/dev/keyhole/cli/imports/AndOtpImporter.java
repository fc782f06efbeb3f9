package dev.keyhole.cli.imports;

import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import tools.jackson.databind.JsonNode;

/**
 * andOTP's plain JSON backup: an array of {secret, issuer, label, digits, type, algorithm, period, counter,
 * tags}. Encrypted andOTP backups (a binary format) are not read.
 */
final class AndOtpImporter implements Importer {

    static final String NAME = "andOTP backup";

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        JsonNode entries = Json.parse(file, NAME);
        if (!entries.isArray()) {
            throw new ImportException("The " + NAME + " is corrupted: it is not a list of entries.");
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        int index = 0;
        for (JsonNode entry : entries.values()) {
            index++;
            String source = "entry " + index + AegisImporter.describe(entry);
            try {
                Codes.add(
                        batch,
                        source,
                        new Codes.Fields(
                                Codes.type(Json.text(entry, "type")),
                                Json.text(entry, "issuer"),
                                Json.text(entry, "label"),
                                Json.text(entry, "secret"),
                                HashAlgorithm.fromUriValue(Json.textOrNull(entry, "algorithm")),
                                entry.path("digits").asInt(0),
                                entry.path("period").asInt(0),
                                entry.path("counter").asLong(0),
                                Codes.display(Json.strings(entry.path("tags")), null, false)));
            } catch (InvalidOtpAuthUriException e) {
                batch.fail(source, e.getMessage());
            }
        }
        return batch.build();
    }
}
