package dev.keyhole.cli;

/** A failure to report to the person at the terminal, in one line, with a non-zero exit. */
class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message, null, false, false);
    }
}
