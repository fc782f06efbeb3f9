package dev.keyhole.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prompts for passwords (without echo) and codes. An environment variable, when set, answers instead: scripts
 * set it on purpose, and a script started from a terminal must not stop to ask.
 */
final class Terminal {

    static final String PASSWORD = "KEYHOLE_PASSWORD";
    static final String FILE_PASSWORD = "KEYHOLE_FILE_PASSWORD";
    static final String OTT = "KEYHOLE_OTT";
    static final String TOTP = "KEYHOLE_TOTP";
    static final String RECOVERY_KEY = "KEYHOLE_RECOVERY_KEY";

    private final Map<String, String> env;
    private final @Nullable Console console;

    Terminal(Map<String, String> env, @Nullable Console console) {
        this.env = env;
        this.console = console;
    }

    char[] secret(String prompt, String variable) {
        String value = env.get(variable);
        if (value != null) {
            return value.toCharArray();
        }
        char[] typed = requireConsole(variable).readPassword("%s", prompt);
        if (typed == null) {
            throw new CliException("No input; set " + variable + " or run in a terminal.");
        }
        return typed;
    }

    /** A new password: typed twice on a terminal, at least {@code minLength} characters. */
    char[] newSecret(String prompt, String variable, int minLength) {
        char[] first = secret(prompt, variable);
        if (first.length < minLength) {
            throw new CliException("The password must have at least " + minLength + " characters.");
        }
        if (env.get(variable) == null) {
            char[] again = secret("Repeat it: ", variable);
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException("The passwords do not match.");
            }
        }
        return first;
    }

    /** Whether the environment answers this prompt (so that asking again would get the same answer). */
    boolean has(String variable) {
        return env.get(variable) != null;
    }

    String line(String prompt, String variable) {
        String value = env.get(variable);
        if (value != null) {
            return value.strip();
        }
        String typed = requireConsole(variable).readLine("%s", prompt);
        if (typed == null) {
            throw new CliException("No input; set " + variable + " or run in a terminal.");
        }
        return typed.strip();
    }

    private Console requireConsole(String variable) {
        if (console == null) {
            throw new CliException("Set " + variable + " or run in a terminal.");
        }
        return console;
    }
}
