package dev.keyhole.cli;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The entry point shared with the server: {@code java -jar keyhole.jar} with no arguments, only {@code --option}
 * arguments, or {@code serve} starts the server; anything else is a CLI command, run without Spring.
 */
public final class KeyholeCli {

    private KeyholeCli() {}

    /** The server's arguments when this invocation starts the server ({@code serve} dropped), else null. */
    public static String @Nullable [] serverArguments(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            return Arrays.copyOfRange(args, 1, args.length);
        }
        return Arrays.stream(args).allMatch(arg -> arg.startsWith("--")) ? args : null;
    }

    /** Runs a command in this process, as the {@code keyhole} executable; returns the exit code. */
    public static int run(String[] args) {
        // The CLI prints what it has to say; libraries' log lines (lazysodium's, say) would only be noise. SLF4J's
        // own notice that it uses the chosen provider would be too.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        return execute(CliContext.system(), args);
    }

    public static int execute(CliContext context, String... args) {
        try {
            return commandLine(context).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    static CommandLine commandLine(CliContext context) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new KeyholeCommand(), new CommandFactory(context))
                .setOut(context.out())
                .setErr(context.err())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    /** Gives each command the context through its constructor. */
    private record CommandFactory(CliContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
