package dev.keyhole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waits for a process that the tests started (a jar, HAProxy) to answer {@code /ping} with 200. */
public final class Ping {

    private Ping() {}

    /**
     * Polls every {@code every} until {@code base/ping} answers 200; fails at once if the process exits, and with
     * its log after {@code limit}. Named {@code what} in both messages.
     */
    public static void await(URI base, Process process, Path log, String what, Duration limit, Duration every)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        HttpRequest ping = HttpRequest.newBuilder(base.resolve("/ping")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive())
                        .as("%s exited: %s", what, Files.readString(log))
                        .isTrue();
                try {
                    if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (ConnectException notYetListening) {
                    // The port is not open yet: poll again shortly.
                }
                Thread.sleep(every);
            }
        }
        throw new AssertionError(
                what + " did not answer /ping within " + limit.toSeconds() + " s:\n" + Files.readString(log));
    }
}
