package dev.keyhole.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code burst} requests at once, then one more every {@code refill}. A refusal answers 429
 * with {@code code} and {@code message}, so that a limit Ente's server also has keeps Ente's wire shape.
 */
public record Limit(String name, int burst, Duration refill, String code, String message) {

    /** A bucket is stored as the name, a colon and a 64-character hash, in a column of 128. */
    static final int MAX_NAME_LENGTH = 63;

    public Limit {
        if (burst < 1 || refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("limit " + name + " needs a burst of at least 1 and a refill time");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a limit's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    /** The bucket refills at {@code count} requests per {@code period}, and holds that many at most. */
    public static Limit perPeriod(String name, int count, Duration period, String code, String message) {
        return new Limit(name, count, period.dividedBy(Math.max(count, 1)), code, message);
    }
}
