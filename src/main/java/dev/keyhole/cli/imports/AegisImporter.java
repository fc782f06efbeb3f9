package dev.keyhole.cli.imports;

import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Aegis vaults, plain or encrypted ({@link AegisDecryption}). Entries carry type, name (the account), issuer,
 * info {secret, algo, digits, period, counter}, a note, a favourite flag, and groups: by uuid from
 * {@code db.groups} in vault version 3, or a single {@code group} name before that. Groups become Ente tags.
 */
final class AegisImporter implements Importer {

    static final String NAME = "Aegis vault";

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        JsonNode vault = Json.parse(file, NAME);
        JsonNode db = vault.path("db");
        if (db.isString()) {
            db = Json.parse(AegisDecryption.decrypt(vault.path("header"), db.asString(), password), NAME);
        }
        if (!db.path("entries").isArray()) {
            throw new ImportException("The " + NAME + " is corrupted: it has no list of entries.");
        }
        Map<String, String> groups = new HashMap<>();
        for (JsonNode group : db.path("groups").values()) {
            groups.put(Json.text(group, "uuid"), Json.text(group, "name"));
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        int index = 0;
        for (JsonNode entry : db.path("entries").values()) {
            index++;
            String source = "entry " + index + describe(entry);
            try {
                Codes.add(batch, source, fields(entry, groups));
            } catch (InvalidOtpAuthUriException e) {
                batch.fail(source, e.getMessage());
            }
        }
        return batch.build();
    }

    private static Codes.Fields fields(JsonNode entry, Map<String, String> groups) throws InvalidOtpAuthUriException {
        JsonNode info = entry.path("info");
        List<String> tags = new ArrayList<>();
        for (String uuid : Json.strings(entry.path("groups"))) {
            String name = groups.get(uuid);
            if (name != null && !name.isBlank()) {
                tags.add(name);
            }
        }
        String oldGroup = Json.text(entry, "group");
        if (!oldGroup.isBlank()) {
            tags.add(oldGroup.strip());
        }
        return new Codes.Fields(
                Codes.type(Json.text(entry, "type")),
                Json.text(entry, "issuer"),
                Json.text(entry, "name"),
                Json.text(info, "secret"),
                HashAlgorithm.fromUriValue(Json.textOrNull(info, "algo")),
                info.path("digits").asInt(0),
                info.path("period").asInt(0),
                info.path("counter").asLong(0),
                Codes.display(
                        tags,
                        Json.textOrNull(entry, "note"),
                        entry.path("favorite").asBoolean(false)));
    }

    static String describe(JsonNode entry) {
        String issuer = Json.text(entry, "issuer");
        return issuer.isBlank() ? "" : " (" + issuer.strip() + ")";
    }
}
