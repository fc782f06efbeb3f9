package dev.keyhole.account;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Firefox on Linux" from a browser's User-Agent, for the sessions list. Only the families people
 * recognise; the raw header is listed beside it. Order matters: Edge and Opera also claim Chrome, and
 * every Chromium claims Safari.
 */
final class UserAgents {

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("Chromium/", "Chromium"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"),
            Map.entry("iPhone", "iOS"),
            Map.entry("iPad", "iPadOS"),
            Map.entry("Windows", "Windows"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Mac OS X", "macOS"),
            Map.entry("Linux", "Linux"));

    private UserAgents() {}

    static String browser(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String browser = first(BROWSERS, userAgent, "Browser");
        String system = first(SYSTEMS, userAgent, null);
        return system == null ? browser : browser + " on " + system;
    }

    private static @Nullable String first(
            List<Map.Entry<String, String>> known, String userAgent, @Nullable String otherwise) {
        return known.stream()
                .filter(entry -> userAgent.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(otherwise);
    }
}
