package dev.keyhole.cli.imports;

import dev.keyhole.otp.CodeDisplay;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Proton Authenticator's export: {@code entries[]} each with {@code content.uri} (an otpauth URI) and a note. */
final class ProtonImporter implements Importer {

    static final String NAME = "Proton Authenticator export";

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        JsonNode entries = Json.parse(file, NAME).path("entries");
        if (!entries.isArray()) {
            throw new ImportException("The " + NAME + " is corrupted: it has no list of entries.");
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        int index = 0;
        for (JsonNode entry : entries.values()) {
            index++;
            String name = Json.text(entry.path("content"), "name").strip();
            String source = "entry " + index + (name.isEmpty() ? "" : " (" + name + ")");
            try {
                OtpCode code = code(Json.text(entry.path("content"), "uri"));
                String note = Json.textOrNull(entry, "note");
                batch.addChecked(source, note == null ? code : code.withDisplay(Codes.display(List.of(), note, false)));
            } catch (InvalidOtpAuthUriException e) {
                batch.fail(source, e.getMessage());
            }
        }
        return batch.build();
    }

    private static OtpCode code(String uri) throws InvalidOtpAuthUriException {
        String steamSecret = Codes.steamSecret(uri);
        return steamSecret == null
                ? OtpAuthUri.parse(uri)
                : Codes.of(new Codes.Fields(
                        OtpType.STEAM, "Steam", "", steamSecret, HashAlgorithm.SHA1, 0, 0, 0, CodeDisplay.DEFAULT));
    }
}
