package dev.keyhole.viewer.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (the npm package, from the build's node_modules) on the page a browser shows, shadow roots
 * included, and returns the violations a person relying on assistive technology or contrast would hit.
 * Injected through WebDriver, so the page's Content-Security-Policy does not apply to it.
 */
final class AxeScan {

    /** One rule broken on the page: axe's id, its impact, and the first few elements, for the message. */
    record Violation(String id, String impact, String help, List<String> targets) {

        boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " " + targets;
        }
    }

    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help,
                targets: v.nodes.slice(0, 5).map(node => JSON.stringify(node.target))}))),
              error => done([{id: 'axe-error', impact: 'critical', help: String(error), targets: []}]));
            """;

    private static String source;

    private AxeScan() {}

    @SuppressWarnings("unchecked")
    static List<Violation> violations(JavascriptExecutor browser) {
        browser.executeScript(axeSource());
        List<Map<String, Object>> raw = (List<Map<String, Object>>) browser.executeAsyncScript(RUN);
        return raw.stream()
                .map(v -> new Violation(
                        (String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (List<String>)
                                v.get("targets")))
                .toList();
    }

    private static synchronized String axeSource() {
        if (source == null) {
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the frontend build (npm)", e);
            }
        }
        return source;
    }
}
