package dev.keyhole.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's default error body (timestamp, path, and in some set-ups a trace) with the
 * {@link ApiError} shape for failures that happen outside a controller: a status sent by Tomcat, a
 * security filter or Vaadin (whose errors arrive with {@code text/plain} already set on the response).
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Someone asked for /error itself: there is no failure to describe, only a path that serves nothing.
            return ApiErrorHandler.error(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error(
                    "Answered {} to {} {}{}",
                    status.value(),
                    request.getMethod(),
                    RequestLine.path(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))),
                    failure == null ? "" : " after " + failure.getClass().getName());
        }
        String message = status.is5xxServerError() ? ApiError.SERVER_FAILED : status.getReasonPhrase();
        return ApiErrorHandler.error(status, status.name(), message);
    }
}
