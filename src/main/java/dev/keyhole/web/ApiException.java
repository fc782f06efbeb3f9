package dev.keyhole.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Thrown by services and controllers to answer with a given status and {@link ApiError}. The message is
 * shown to the client, so it must never carry a secret or an internal detail.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    public HttpStatus status() {
        return status;
    }

    /** Headers that go with the error response; none unless a subclass says otherwise. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    public ApiError toError() {
        return new ApiError(code, getMessage());
    }
}
