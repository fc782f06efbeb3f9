package dev.keyhole.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request the browser's pages and their workers start, as Chromium's DevTools Network domain reports
 * it, including those the page's CSP then blocks. Speaks the DevTools protocol itself, on the endpoint
 * chromedriver opened, because Selenium's typed DevTools needs a module per Chromium version and
 * chromedriver's performance log does not follow workers. Attaches to every page and, through each page,
 * to its workers; new ones are held at their start until the Network domain watches them, so that not
 * even their first request is missed.
 */
public final class RequestLog implements AutoCloseable {

    /**
     * One request: its URL, the kind of target that sent it ("page", "worker", ...), and its body as DevTools
     * reports it ("" when it has none).
     */
    public record Request(String url, String target, String body) {}

    /**
     * A finished request: its URL and the bytes it took on the wire (headers and the body as sent, compressed or
     * not), as DevTools counts them: 0 for an answer from the browser's cache.
     */
    public record Transfer(String url, long bytes) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** By session and DevTools request id: the URL of each request started, and the transfer of each finished. */
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    private final Map<String, Transfer> finished = new ConcurrentHashMap<>();
    private final Map<String, String> targetsBySession = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private RequestLog(String webSocketUrl) {
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(webSocketUrl), new Listener())
                .join();
        // At the browser: attach to every page, flattened into this one connection.
        send(null, "Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
    }

    /** Starts recording in the browser chromedriver drives. */
    public static RequestLog start(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        var chromeOptions = (Map<String, Object>) browser.getCapabilities().getCapability("goog:chromeOptions");
        String version = get("http://" + chromeOptions.get("debuggerAddress") + "/json/version");
        RequestLog log = new RequestLog(
                JSON.readTree(version).path("webSocketDebuggerUrl").asString());
        log.waitUntilAttached();
        return log;
    }

    /** The requests seen so far, in the order they were started. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Keys of the requests started so far (see {@link #transfers}). */
    public Set<String> started() {
        return Set.copyOf(urls.keySet());
    }

    /**
     * The transfers of the {@code started} requests once every one of them has finished (or failed: 0 bytes),
     * waiting at most {@code timeout}.
     */
    public List<Transfer> transfers(Set<String> started, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished.keySet().containsAll(started)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("requests still unfinished after " + timeout + ": "
                        + started.stream()
                                .filter(key -> !finished.containsKey(key))
                                .map(urls::get)
                                .toList());
            }
            Thread.sleep(20);
        }
        return started.stream().map(finished::get).toList();
    }

    /** Forgets the requests and transfers seen so far, e.g. between two visits. */
    public void clear() {
        requests.clear();
        urls.clear();
        finished.clear();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    private void waitUntilAttached() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (targetsBySession.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DevTools attached to no page");
            }
            Thread.onSpinWait();
        }
    }

    private void onMessage(JsonNode message) {
        String session = message.path("sessionId").asString(null);
        switch (message.path("method").asString("")) {
            case "Target.attachedToTarget" -> watch(message.path("params"));
            case "Network.requestWillBeSent" -> {
                JsonNode request = message.path("params").path("request");
                String url = request.path("url").asString();
                requests.add(new Request(
                        url,
                        targetsBySession.getOrDefault(session, "unknown"),
                        request.path("postData").asString("")));
                // A redirect is sent again under the same id: the transfer counted is the last hop's. Only http(s)
                // crosses the wire: a data: URL (an inlined font or image) or Chromium's own chrome-untrusted: new
                // tab page may never report an end.
                if (url.startsWith("http:") || url.startsWith("https:")) {
                    urls.put(key(session, message), url);
                }
            }
            case "Network.loadingFinished" -> {
                String key = key(session, message);
                finished.put(
                        key,
                        new Transfer(
                                urls.getOrDefault(key, "?"),
                                message.path("params").path("encodedDataLength").asLong()));
            }
            case "Network.loadingFailed" -> {
                String key = key(session, message);
                finished.put(key, new Transfer(urls.getOrDefault(key, "?"), 0));
            }
            default -> {
                // Command results and the other events of the enabled domains.
            }
        }
    }

    private static String key(String session, JsonNode message) {
        return session + "/" + message.path("params").path("requestId").asString();
    }

    /**
     * A page or worker just attached: watch its requests and its own workers, then let it run. Chromium's own
     * WebUI ("browser_ui": its new tab page and omnibox, which Debian's Chromium 156.0.8078.114 attaches beside the
     * tab) only runs on: its chrome:// requests are the browser's, never the page's.
     */
    private void watch(JsonNode attached) {
        String session = attached.path("sessionId").asString();
        String type = attached.path("targetInfo").path("type").asString();
        if (type.equals("browser_ui")) {
            send(session, "Runtime.runIfWaitingForDebugger", Map.of());
            return;
        }
        targetsBySession.put(session, type);
        send(session, "Network.enable", Map.of());
        send(
                session,
                "Target.setAutoAttach",
                Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
        send(session, "Runtime.runIfWaitingForDebugger", Map.of());
    }

    // WebSocket allows one outstanding send; DevTools answers commands of one session in the order sent.
    private synchronized void send(String session, String method, Map<String, Object> params) {
        ObjectNode command =
                JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", method);
        command.set("params", JSON.valueToTree(params));
        if (session != null) {
            command.put("sessionId", session);
        }
        socket.sendText(command.toString(), true).join();
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(JSON.readTree(text));
            }
            webSocket.request(1);
            return null;
        }
    }
}
