package dev.keyhole.cli.imports;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Tells the format of an export file by its content: the shape of the JSON, or the first line of text. */
public final class FormatDetector {

    private FormatDetector() {}

    public static ImportFormat detect(byte[] file) throws ImportException {
        String text = Json.stripBom(new String(file, StandardCharsets.UTF_8)).strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            return detectJson(text);
        }
        String first = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("");
        if (GoogleMigration.isMigrationUri(first)) {
            return ImportFormat.GOOGLE;
        }
        if (first.regionMatches(true, 0, "otpauth://", 0, 10)) {
            return text.contains("codeDisplay=") ? ImportFormat.ENTE : ImportFormat.OTPAUTH;
        }
        throw unknown();
    }

    private static ImportFormat detectJson(String text) throws ImportException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ImportException("The file looks like JSON but is not valid JSON; is it complete?");
        }
        if (json.isArray()) {
            JsonNode first = json.path(0);
            if (json.isEmpty() || first.has("secret") && first.has("type")) {
                return ImportFormat.ANDOTP;
            }
        } else if (json.has("kdfParams") && json.has("encryptedData")) {
            return ImportFormat.ENTE_ENCRYPTED;
        } else if (json.has("db") && json.has("header")) {
            return ImportFormat.AEGIS;
        } else if (json.has("schemaVersion") && (json.has("services") || json.has("servicesEncrypted"))) {
            return ImportFormat.TWOFAS;
        } else if (json.has("items")) {
            return ImportFormat.BITWARDEN;
        } else if (json.path("entries").path(0).has("content")) {
            return ImportFormat.PROTON;
        }
        throw unknown();
    }

    private static ImportException unknown() {
        return new ImportException(
                "Cannot tell the format of this file; name it with --format (one of " + ImportFormat.names() + ").");
    }
}
