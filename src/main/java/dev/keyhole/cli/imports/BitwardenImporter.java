package dev.keyhole.cli.imports;

import dev.keyhole.otp.CodeDisplay;
import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bitwarden's unencrypted JSON export: every item whose {@code login.totp} is set, as an otpauth URI,
 * {@code steam://SECRET}, or a bare base32 secret (a 6-digit SHA1 TOTP). The item name stands in for a
 * missing issuer and the login's username for a missing account; the item's folder becomes a tag, its notes
 * the note, and a favourite is pinned.
 */
final class BitwardenImporter implements Importer {

    static final String NAME = "Bitwarden export";

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        JsonNode export = Json.parse(file, NAME);
        if (export.path("encrypted").asBoolean(false)) {
            throw new ImportException("Encrypted Bitwarden exports cannot be read; export as unencrypted JSON.");
        }
        Map<String, String> folders = new HashMap<>();
        for (JsonNode folder : export.path("folders").values()) {
            folders.put(Json.text(folder, "id"), Json.text(folder, "name"));
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        int index = 0;
        for (JsonNode item : export.path("items").values()) {
            index++;
            String totp = Json.text(item.path("login"), "totp").strip();
            if (!totp.isEmpty()) {
                String name = Json.text(item, "name").strip();
                read(
                        item,
                        totp,
                        "item " + index + (name.isEmpty() ? "" : " (" + name + ")"),
                        folders.get(Json.text(item, "folderId")),
                        batch);
            }
        }
        return batch.build();
    }

    private static void read(
            JsonNode item, String totp, String source, @Nullable String folder, ImportBatch.Builder batch) {
        String name = Json.text(item, "name");
        String username = Json.text(item.path("login"), "username");
        CodeDisplay display = Codes.display(
                folder == null || folder.isBlank() ? List.of() : List.of(folder),
                Json.textOrNull(item, "notes"),
                item.path("favorite").asBoolean(false));
        String steamSecret = Codes.steamSecret(totp);
        if (steamSecret != null) {
            Codes.add(
                    batch,
                    source,
                    new Codes.Fields(OtpType.STEAM, name, username, steamSecret, HashAlgorithm.SHA1, 0, 0, 0, display));
        } else if (totp.regionMatches(true, 0, "otpauth://", 0, 10)) {
            try {
                OtpCode c = OtpAuthUri.parse(totp);
                Codes.add(
                        batch,
                        source,
                        new Codes.Fields(
                                c.type(),
                                c.issuer().isEmpty() ? name : c.issuer(),
                                c.account().isEmpty() ? username : c.account(),
                                c.secret(),
                                c.algorithm(),
                                c.digits(),
                                c.period(),
                                c.counter(),
                                display.isDefault() ? c.display() : display));
            } catch (InvalidOtpAuthUriException e) {
                batch.fail(source, e.getMessage());
            }
        } else {
            Codes.add(
                    batch,
                    source,
                    new Codes.Fields(OtpType.TOTP, name, username, totp, HashAlgorithm.SHA1, 0, 0, 0, display));
        }
    }
}
