package dev.keyhole.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run of {@code build/aot-cache.sh} ({@code keyhole.aot-training=true}, never set otherwise): once
 * the server is ready it asks itself for a few pages over loopback and then ends the JVM, which writes the JDK's
 * AOT cache. A run that stopped once the context was refreshed ({@code spring.context.exit=onRefresh}) never
 * started Tomcat's connector nor served a request, so every start then still loaded and linked those classes
 * itself, up to the first {@code /ping} (docs/benchmarks.md, "Start-up").
 */
@Component
class AotTrainingRun {

    /** Pages anyone may fetch: the health probes, the sign-in page's bootstrap, an API error, an unknown page. */
    static final List<String> PATHS = List.of(
            "/ping", "/actuator/health", "/login", "/web/vault", "/users/srp/attributes?email=x", "/no-such-page");

    private static final Logger log = LoggerFactory.getLogger(AotTrainingRun.class);

    private final boolean enabled;

    AotTrainingRun(@Value("${keyhole.aot-training:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws InterruptedException {
        if (!enabled || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        URI base = URI.create("http://127.0.0.1:" + web.getWebServer().getPort());
        int failed = 0;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            // Twice: the second round follows the paths the first one warmed (sessions, caches).
            for (int round = 0; round < 2; round++) {
                for (String path : PATHS) {
                    try {
                        http.send(
                                HttpRequest.newBuilder(base.resolve(path)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        failed++;
                        log.warn("AOT training request to {} failed: {}", path, e.toString());
                    }
                }
            }
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int code = SpringApplication.exit(context) + (failed > 0 ? 1 : 0);
        // The JVM's exit is what writes the cache (-XX:AOTCacheOutput).
        System.exit(code);
    }
}
