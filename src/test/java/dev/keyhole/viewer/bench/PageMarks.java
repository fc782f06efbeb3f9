package dev.keyhole.viewer.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/** Reads the page's own {@code performance} marks and measures (the names the viewer's code sets). */
final class PageMarks {

    private final JavascriptExecutor page;

    PageMarks(JavascriptExecutor page) {
        this.page = page;
    }

    /** The duration of the newest measure of this name; -1 when the page made none. */
    double measure(String name) {
        Object value = page.executeScript("""
                const entries = performance.getEntriesByName(arguments[0]);
                return entries.length ? entries[entries.length - 1].duration : -1;""", name);
        return ((Number) value).doubleValue();
    }

    /**
     * When each of these marks was set (its newest entry), in ms after the newest {@code origin} mark, in
     * the order they happened; marks the page did not set are left out.
     */
    String timeline(String origin, List<String> marks) {
        @SuppressWarnings("unchecked")
        List<List<Object>> at = (List<List<Object>>) page.executeScript("""
                const start = performance.getEntriesByName(arguments[0]).at(-1)?.startTime ?? 0;
                return arguments[1].map(n => [n, performance.getEntriesByName(n).at(-1)?.startTime])
                    .filter(([, t]) => t !== undefined).sort((a, b) => a[1] - b[1])
                    .map(([n, t]) => [n, t - start]);""", origin, marks);
        return at.stream()
                .map(mark -> String.format(
                        Locale.ROOT,
                        "%s %+.0f",
                        ((String) mark.get(0)).replace("keyhole:", ""),
                        ((Number) mark.get(1)).doubleValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Waits inside the page, in one script, until it sets this mark: a WebDriverWait would poll the page
     * twice a second through chromedriver, work on a two-core machine that the Argon2id worker of a measured
     * sign-in then shares its core with, and that a bare Argon2id does not have.
     */
    void awaitMark(String name) {
        page.executeAsyncScript("""
                const [name, done] = arguments;
                if (performance.getEntriesByName(name).length) return done(true);
                new PerformanceObserver((list, observer) => {
                  if (list.getEntriesByName(name).length) { observer.disconnect(); done(true); }
                }).observe({ type: 'mark' });""", name);
    }

    /**
     * Runs the page's key-derivation worker (the same script the sign-in starts) on this account's
     * parameters and nothing else, timed as the page times it (from the worker's creation to the key);
     * in ms, negative if the worker failed.
     */
    double bareArgon2id(String workerUrl, String email, String password) {
        Object value =
                ((org.openqa.selenium.JavascriptExecutor) page).executeAsyncScript("""
                const [url, email, password, done] = arguments;
                fetch('/users/srp/attributes?email=' + encodeURIComponent(email)).then(r => r.json()).then(({ attributes }) => {
                  const worker = new Worker(url, { type: 'module' });
                  const started = performance.now();
                  worker.onmessage = (event) => {
                    const took = performance.now() - started;
                    worker.terminate();
                    done('kek' in event.data ? took : -1);
                  };
                  worker.onerror = () => { worker.terminate(); done(-2); };
                  const { kekSalt, memLimit, opsLimit } = attributes;
                  worker.postMessage({ password, params: { kekSalt, memLimit, opsLimit } });
                }, () => done(-3));""", workerUrl, email, password);
        return ((Number) value).doubleValue();
    }

    /**
     * The page's requests after the newest {@code origin} mark, each as "path start+wait/total": when it
     * started (ms after the mark), how long the server took to answer (request sent to first byte) and
     * the whole request.
     */
    String requestsAfter(String origin) {
        return (String) page.executeScript("""
                const start = performance.getEntriesByName(arguments[0]).at(-1)?.startTime ?? 0;
                return performance.getEntriesByType('resource')
                    .filter(e => e.startTime >= start && ['fetch', 'xmlhttprequest'].includes(e.initiatorType))
                    .map(e => new URL(e.name).pathname.replace(/^\\/(web|users)\\//, '') + ' +'
                        + Math.round(e.startTime - start) + ' ' + Math.round(e.responseStart - e.requestStart)
                        + '/' + Math.round(e.duration))
                    .join(', ');""", origin);
    }
}
