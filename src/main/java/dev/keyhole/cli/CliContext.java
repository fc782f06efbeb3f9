package dev.keyhole.cli;

import dev.keyhole.cli.config.ConfigStore;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a command takes from its surroundings, so that tests run the real commands in-process with their
 * own environment, config directory, clock and captured output.
 *
 * @param console the terminal for prompts without echo, or null when there is none (scripts, tests)
 */
public record CliContext(
        Map<String, String> env,
        PrintWriter out,
        PrintWriter err,
        @Nullable Console console,
        Clock clock,
        ConfigStore configStore) {

    public CliContext {
        env = Map.copyOf(env);
    }

    /** The real process: its environment, standard streams and terminal, and the system clock. */
    public static CliContext system() {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        return new CliContext(
                System.getenv(),
                new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset),
                console,
                Clock.systemUTC(),
                ConfigStore.fromEnvironment(System.getenv()));
    }

    /** For tests: no terminal, the given environment (which should set KEYHOLE_CONFIG_DIR). */
    public static CliContext of(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock) {
        return new CliContext(env, out, err, null, clock, ConfigStore.fromEnvironment(env));
    }

    Terminal terminal() {
        return new Terminal(env, console);
    }
}
