package dev.keyhole.cli.client;

/** The server could not be reached, or did not answer in time; the message says which, for people. */
public class UnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
