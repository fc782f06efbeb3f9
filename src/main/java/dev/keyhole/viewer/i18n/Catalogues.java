package dev.keyhole.viewer.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser's catalogues ({@code frontend/i18n/catalogues/<language>/<namespace>.json}, copied to the
 * classpath by the build), looked up as the browser's {@code t('<namespace>.<key>')} does: a key a
 * language lacks falls back to English, a key no catalogue has reads as itself, {@code {name}} is
 * replaced by its parameter, and a counted text (its plural forms) gives its "other" form.
 */
@Component
public class Catalogues {

    public static final String ENGLISH = "en";
    /** The languages the viewer speaks, as frontend/i18n/i18n.ts lists them. */
    public static final Set<String> LANGUAGES = Set.of(ENGLISH, "de", "nl");

    private static final String LOCATION = "classpath*:i18n/catalogues/*/*.json";
    private static final Pattern FILE = Pattern.compile(".*/i18n/catalogues/([^/]+)/([^/]+)\\.json$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, Map<String, String>> texts;

    public Catalogues() {
        this.texts = load();
    }

    /** The text of a key in a language, with its placeholders filled. */
    public String text(String language, String key, Map<String, String> parameters) {
        String text = texts.getOrDefault(language, Map.of()).get(key);
        if (text == null) {
            text = texts.getOrDefault(ENGLISH, Map.of()).getOrDefault(key, key);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(
                found -> Matcher.quoteReplacement(parameters.getOrDefault(found.group(1), found.group())));
    }

    public String text(String language, String key) {
        return text(language, key, Map.of());
    }

    /** Every key of a language with its text (plural texts by their "other" form), for tests. */
    public Map<String, String> all(String language) {
        return Map.copyOf(texts.getOrDefault(language, Map.of()));
    }

    private static Map<String, Map<String, String>> load() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Map<String, String>> loaded = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                Matcher file = FILE.matcher(resource.getURL().toString());
                if (!file.matches()) {
                    continue;
                }
                Map<String, String> language = loaded.computeIfAbsent(file.group(1), ignored -> new HashMap<>());
                try (InputStream in = resource.getInputStream()) {
                    Map<?, ?> entries = json.readValue(in, Map.class);
                    entries.forEach((key, value) -> language.put(file.group(2) + "." + key, textOf(value)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The message catalogues could not be read", e);
        }
        if (!loaded.containsKey(ENGLISH)) {
            throw new IllegalStateException("No English catalogue under i18n/catalogues on the classpath");
        }
        return loaded;
    }

    private static String textOf(Object value) {
        return value instanceof Map<?, ?> forms ? String.valueOf(forms.get("other")) : String.valueOf(value);
    }
}
