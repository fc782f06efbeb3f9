package dev.keyhole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Ente's own Auth web app, built from Ente's public source (../shared/clients/ente-auth-web, see its
 * README), served on a port of its own as Ente's web image serves it: a copy whose scripts name the API
 * origin in place of Ente's placeholder, each path answered by the file, else {@code path.html}, else
 * {@code /index.html}. Served from {@code http://localhost:<port>}, so every API call is cross-origin.
 */
public final class EnteWebApp implements AutoCloseable {

    /** Where the build lives, from the worktree; the folder is read-only, so the app runs from a copy. */
    private static final Path BUILD = Path.of("..", "shared", "clients", "ente-auth-web");

    private static final String PLACEHOLDER = "ENTE_API_ORIGIN_PLACEHOLDER";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final HttpServer server;
    private final Path root;
    private volatile boolean ready;

    private EnteWebApp(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /**
     * Takes a free loopback port, so that the server can be told the app's origin before it starts, and
     * answers 404 until {@link #pointAt} has copied the app into {@code dir}.
     */
    public static EnteWebApp listen(Path dir) throws IOException {
        assertThat(BUILD.resolve("index.html")).as("Ente's built web app").exists();
        Path root = Files.createDirectories(dir.resolve("ente-auth-web")).toRealPath();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        EnteWebApp app = new EnteWebApp(server, root);
        server.createContext("/", app::answer);
        server.start();
        return app;
    }

    /** Copies the build, its scripts naming {@code apiOrigin} as Ente's web image does at start, and serves it. */
    public EnteWebApp pointAt(URI apiOrigin) throws IOException {
        String origin = apiOrigin.toString().replaceAll("/+$", "");
        try (Stream<Path> files = Files.walk(BUILD)) {
            for (Path file : files.toList()) {
                Path target = root.resolve(BUILD.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.toString().endsWith(".js")) {
                    Files.writeString(
                            target,
                            Files.readString(file, StandardCharsets.UTF_8).replace(PLACEHOLDER, origin));
                } else {
                    Files.copy(file, target);
                }
            }
        }
        ready = true;
        return this;
    }

    /** The origin the app is served from, as a browser names it. */
    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<Path> file = find(path);
            if (!ready || file.isEmpty() || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file.get());
            exchange.getResponseHeaders().set("Content-Type", type(file.get()));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** As Ente's nginx: {@code try_files $uri $uri.html /index.html}, never outside the copy. */
    private Optional<Path> find(String path) {
        String relative;
        try {
            relative = new URI(null, null, path, null).normalize().getPath().replaceFirst("^/+", "");
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        for (String candidate : new String[] {relative, relative + ".html", "index.html"}) {
            Path file = root.resolve(candidate).normalize();
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
