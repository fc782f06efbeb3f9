package dev.keyhole.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code keyhole} commands in this JVM as a person would from a shell, with an environment (passwords,
 * emailed codes, the config directory) and captured output. For unit tests and the end-to-end ones.
 */
public record CliRun(Path configDir, Map<String, String> env, Clock clock, int exitCode, String out, String err) {

    public static CliRun in(Path configDir) {
        return new CliRun(configDir, Map.of(), Clock.systemUTC(), -1, "", "");
    }

    /** Further environment variables, on top of KEYHOLE_CONFIG_DIR. */
    public CliRun withEnv(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(variables);
        return new CliRun(configDir, merged, clock, exitCode, out, err);
    }

    public CliRun withClock(Clock fixed) {
        return new CliRun(configDir, env, fixed, exitCode, out, err);
    }

    /** Runs one command; the result holds its exit code and everything it printed. */
    public CliRun execute(String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("KEYHOLE_CONFIG_DIR", configDir.toString());
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = KeyholeCli.execute(
                CliContext.of(environment, new PrintWriter(stdout), new PrintWriter(stderr), clock), args);
        return new CliRun(configDir, env, clock, code, stdout.toString(), stderr.toString());
    }
}
