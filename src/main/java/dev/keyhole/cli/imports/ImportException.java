package dev.keyhole.cli.imports;

/**
 * The file as a whole cannot be read (wrong password, corrupted, unknown format), so nothing from it may be
 * imported. The message is for people and never contains a secret.
 */
public class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
