package dev.keyhole.cli;

import dev.keyhole.cli.client.ServerException;
import dev.keyhole.cli.client.UnreachableException;
import dev.keyhole.cli.keys.WrongPasswordException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Every error as one line for people and a non-zero exit; the stack trace only with {@code --debug}. */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println(message(e));
        if (debug(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr()
                .println(e.getMessage() + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        command.getErr().flush();
        return USAGE;
    }

    static String message(Exception e) {
        return switch (e) {
            case CliException cli -> cli.getMessage();
            case WrongPasswordException wrong -> wrong.getMessage();
            case UnreachableException unreachable -> unreachable.getMessage() + ".";
            case ServerException server -> serverMessage(server);
            case UncheckedIOException io -> io.getMessage();
            case IllegalArgumentException known -> known.getMessage();
            case IllegalStateException known -> known.getMessage();
            default -> "Unexpected error: " + e + " (run with --debug for details)";
        };
    }

    private static String serverMessage(ServerException e) {
        if (e.status() == 401) {
            return "The server did not accept the session; run keyhole login.";
        }
        String message = e.getMessage();
        return "The server refused: " + (message == null || message.isBlank() ? e.code() : message) + " (HTTP "
                + e.status() + ").";
    }

    private static boolean debug(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
