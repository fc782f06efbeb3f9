package dev.keyhole.ratelimit;

import dev.keyhole.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A 429 with a {@code Retry-After} header: when the next request of the same kind would be let through. */
public final class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    RateLimitedException(Limit limit, Duration retryAfter) {
        this(limit.code(), limit.message(), retryAfter);
    }

    /** For limits a feature counts itself, such as wrong tries against a code. */
    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        // Whole seconds, rounded up, at least one: RFC 9110 section 10.2.3.
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }
}
