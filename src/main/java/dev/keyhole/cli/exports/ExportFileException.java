package dev.keyhole.cli.exports;

/** An Ente export that cannot be opened: wrong password, unknown version or a damaged file. */
public class ExportFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportFileException(String message) {
        super(message);
    }
}
