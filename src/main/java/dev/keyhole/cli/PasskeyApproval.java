package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi.EmailAuthorization;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ente's passkey second factor from a terminal: the person approves the sign-in with their passkey in a
 * browser, on the server's {@code /passkeys/verify} page, while this polls for the result (as Ente's CLI and
 * apps do). Ctrl-C stops the wait; nothing has been saved by then.
 */
final class PasskeyApproval {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** How the wait passes time; tests pass it without sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    PasskeyApproval(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static PasskeyApproval of(CliContext context) {
        return new PasskeyApproval(context.clock(), duration -> Thread.sleep(duration));
    }

    /**
     * Prints where to approve, then asks {@code poll} every {@link #INTERVAL} until it returns the finished
     * sign-in, for at most {@link #TIMEOUT}.
     *
     * @param serverUrl where to approve when the server names no accountsUrl
     */
    EmailAuthorization await(
            PrintWriter out,
            String serverUrl,
            EmailAuthorization pending,
            Function<String, Optional<EmailAuthorization>> poll) {
        String sessionId = String.valueOf(pending.passkeySessionID());
        String site =
                pending.accountsUrl() == null || pending.accountsUrl().isBlank() ? serverUrl : pending.accountsUrl();
        out.println("Approve this sign-in with your passkey at " + stripSlash(site)
                + "/passkeys/verify?passkeySessionID=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8));
        out.flush();
        Thread cancelled = new Thread(() -> {
            out.println("Sign-in cancelled; nothing was saved.");
            out.flush();
        });
        Runtime.getRuntime().addShutdownHook(cancelled);
        try {
            return poll(sessionId, poll);
        } finally {
            removeHook(cancelled);
        }
    }

    private EmailAuthorization poll(String sessionId, Function<String, Optional<EmailAuthorization>> poll) {
        Instant deadline = clock.instant().plus(TIMEOUT);
        while (true) {
            Optional<EmailAuthorization> approved = poll.apply(sessionId);
            if (approved.isPresent()) {
                return approved.get();
            }
            if (!clock.instant().plus(INTERVAL).isBefore(deadline)) {
                throw new CliException("The sign-in was not approved with a passkey within " + TIMEOUT.toMinutes()
                        + " minutes; run keyhole login again.");
            }
            try {
                sleeper.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Sign-in cancelled; nothing was saved.");
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running or has run, which is what it is for.
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
