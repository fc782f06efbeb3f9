package dev.keyhole.cli.client;

/**
 * The server answered with an error: its HTTP status and, when it sent the Ente error JSON {code, message},
 * those; otherwise a code of "HTTP_" plus the status.
 */
public class ServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ServerException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
