package dev.keyhole.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a JSON endpoint into an {@link ApiError}; nothing else ever reaches a client. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> apiException(ApiException e) {
        return ResponseEntity.status(e.status())
                .headers(e.headers())
                .contentType(MediaType.APPLICATION_JSON)
                .body(e.toError());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody() {
        return error(
                HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON of the expected shape.");
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        MissingRequestHeaderException.class
    })
    ResponseEntity<ApiError> invalidParameter() {
        return error(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "A required parameter is missing or invalid.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed() {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "This method is not allowed here.");
    }

    /** A body the API does not take, including multipart too broken to parse and no media type at all. */
    @ExceptionHandler({
        HttpMediaTypeNotSupportedException.class,
        MultipartException.class,
        InvalidMediaTypeException.class
    })
    ResponseEntity<ApiError> unsupportedMediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound() {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
    }

    /**
     * A query string or form body with a broken {@code %} escape: Tomcat refuses to decode it only when a
     * handler first reads a parameter, so it surfaces here rather than as Tomcat's own 400.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> undecodableParameter(InvalidParameterException e, HttpServletRequest request) {
        // Tomcat's message quotes the parameter's name and value, which the client chose: leave it out.
        log.warn("Refused {}: a request parameter could not be decoded", RequestLine.of(request));
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return error(
                status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                "INVALID_PARAMETER",
                ApiError.BADLY_ENCODED_PARAMETER);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        // Spring's own request exceptions (not acceptable, missing path variable...) carry their status.
        if (e instanceof ErrorResponse response
                && HttpStatus.resolve(response.getStatusCode().value()) instanceof HttpStatus status
                && status.is4xxClientError()) {
            log.warn("Refused {}: {}", RequestLine.of(request), e.getClass().getSimpleName());
            return error(status, status.name(), "The request is not valid for this endpoint.");
        }
        // One line, no trace: the class and where it was thrown are enough to find the bug, and neither
        // the message (which may quote client input) nor the trace ever reaches the log or the client.
        log.error("Unhandled {} at {} in {}", e.getClass().getName(), origin(e), RequestLine.of(request));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", ApiError.SERVER_FAILED);
    }

    /** The frame of Keyhole's own code nearest to where it was thrown, else the frame that threw. */
    private static String origin(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.keyhole.")) {
                return frame.toString();
            }
        }
        return frames.length == 0 ? "unknown" : frames[0].toString();
    }

    /**
     * The content type is set explicitly so that the body is written as JSON whatever the client accepts
     * and whatever a previous handler (Vaadin's {@code text/plain} errors) left on the response.
     */
    static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(code, message));
    }
}
