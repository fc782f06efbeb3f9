package dev.keyhole.cli.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient reading of the JSON export formats: a missing or null field is the empty default. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static JsonNode parse(byte[] file, String formatName) throws ImportException {
        return parse(new String(file, StandardCharsets.UTF_8), formatName);
    }

    static JsonNode parse(String text, String formatName) throws ImportException {
        try {
            return MAPPER.readTree(stripBom(text));
        } catch (JacksonException e) {
            throw new ImportException(
                    "The " + formatName + " file is corrupted: it is not valid JSON" + location(e) + ".");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    static @Nullable String textOrNull(JsonNode node, String field) {
        String text = text(node, field);
        return text.isEmpty() ? null : text;
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array.values()) {
            if (element.isValueNode()
                    && !element.isNull()
                    && !element.asString().isBlank()) {
                strings.add(element.asString().strip());
            }
        }
        return strings;
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
