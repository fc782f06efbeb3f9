package dev.keyhole.otp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ente Auth's per-code display settings, the JSON object carried in the URI's {@code codeDisplay} parameter.
 *
 * @param otherFields fields this class does not model, name to value as JSON text. Ente adds fields over
 *                    time; keeping them means rewriting an entry never erases what a newer app stored.
 */
public record CodeDisplay(
        boolean pinned,
        boolean trashed,
        long lastUsedAt,
        int tapCount,
        List<String> tags,
        String note,
        int position,
        String iconSrc,
        String iconID,
        Map<String, String> otherFields) {

    /** What Ente shows for a code without {@code codeDisplay}, or with one it cannot read. */
    public static final CodeDisplay DEFAULT = new CodeDisplay(false, false, 0, 0, List.of(), "", 0, "", "", Map.of());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> MODELLED_FIELDS =
            Set.of("pinned", "trashed", "lastUsedAt", "tapCount", "tags", "note", "position", "iconSrc", "iconID");

    public CodeDisplay {
        tags = List.copyOf(tags);
        Map<String, String> others = new LinkedHashMap<>();
        otherFields.forEach((name, json) -> {
            if (MODELLED_FIELDS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a modelled field, not an other field");
            }
            try {
                JSON.readTree(json);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("other field '" + name + "' is not valid JSON", e);
            }
            others.put(name, json);
        });
        otherFields = Collections.unmodifiableMap(others);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /**
     * Reads the JSON as leniently as Ente does: text that is not a JSON object gives {@link #DEFAULT}, and a
     * field of the wrong type falls back to its default rather than losing the whole object.
     */
    public static CodeDisplay fromJson(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (JacksonException e) {
            return DEFAULT;
        }
    }

    /** As {@link #fromJson(String)}, for the legacy entity form {@code {rawData, display}}. */
    public static CodeDisplay fromJson(JsonNode json) {
        if (!json.isObject()) {
            return DEFAULT;
        }
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!MODELLED_FIELDS.contains(field.getKey())) {
                others.put(field.getKey(), JSON.writeValueAsString(field.getValue()));
            }
        }
        return new CodeDisplay(
                json.path("pinned").asBoolean(false),
                json.path("trashed").asBoolean(false),
                json.path("lastUsedAt").asLong(0),
                json.path("tapCount").asInt(0),
                stringsOf(json.path("tags")),
                stringOf(json.path("note"), ""),
                json.path("position").asInt(0),
                // Ente mobile reads a missing iconSrc as its built-in icon set; writing "" back would make it
                // forget an icon chosen by iconID.
                stringOf(json.path("iconSrc"), "ente"),
                stringOf(json.path("iconID"), ""),
                others);
    }

    /** All modelled fields, as Ente mobile writes them, followed by the other fields. */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("pinned", pinned);
        json.put("trashed", trashed);
        json.put("lastUsedAt", lastUsedAt);
        json.put("tapCount", tapCount);
        ArrayNode tagArray = json.putArray("tags");
        tags.forEach(tagArray::add);
        json.put("note", note);
        json.put("position", position);
        json.put("iconSrc", iconSrc);
        json.put("iconID", iconID);
        otherFields.forEach((name, value) -> json.set(name, JSON.readTree(value)));
        return JSON.writeValueAsString(json);
    }

    private static String stringOf(JsonNode node, String fallback) {
        return node.isValueNode() && !node.isNull() ? node.asString() : fallback;
    }

    private static List<String> stringsOf(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                if (element.isValueNode() && !element.isNull()) {
                    strings.add(element.asString());
                }
            }
        }
        return strings;
    }
}
