package dev.keyhole.cli;

/**
 * Asks for the code a server emailed, saying where else it may be: a server with no mail server set up
 * (the default) writes it to its own log instead, which a newcomer would not guess.
 */
final class EmailedCode {

    private EmailedCode() {}

    static String ask(CliContext context, String email) {
        return context.terminal()
                .line(
                        "Code sent to " + email + " (on a server without a mail server, the line \"Verification"
                                + " code for " + email + ": ...\" in the server's output): ",
                        Terminal.OTT);
    }
}
