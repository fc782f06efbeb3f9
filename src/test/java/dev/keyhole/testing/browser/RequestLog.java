package dev.keyhole.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
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

    /** One request: its URL and the kind of target that sent it ("page", "worker", ...). */
    public record Request(String url, String target) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Request> requests = new CopyOnWriteArrayList<>();
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
            case "Network.requestWillBeSent" ->
                requests.add(new Request(
                        message.path("params").path("request").path("url").asString(),
                        targetsBySession.getOrDefault(session, "unknown")));
            default -> {
                // Command results and the other events of the enabled domains.
            }
        }
    }

    /** A page or worker just attached: watch its requests and its own workers, then let it run. */
    private void watch(JsonNode attached) {
        String session = attached.path("sessionId").asString();
        targetsBySession.put(session, attached.path("targetInfo").path("type").asString());
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
