package dev.keyhole.ratelimit;

import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets kept in the database (GCRA, the algorithm of Vaultwarden's limiter): {@link #take} lets a
 * request through or throws {@link RateLimitedException}, and a refusal changes nothing. Buckets are named
 * by the limit and a key (an address, an account and an address...), stored as a hash: the table names no
 * email and no address.
 */
@Service
public class RateLimiter {

    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitRepository buckets;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    RateLimiter(RateLimitRepository buckets, TransactionTemplate transaction, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
        // Its own short transaction: a take counts at once, whatever the caller's transaction does later,
        // and the bucket's row is never held locked while the caller works.
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes one request from the bucket of {@code key}, or throws a 429 saying when to try again. */
    public void take(Limit limit, String... key) {
        String bucket = bucket(limit, key);
        long interval = micros(limit.refill());
        long tolerance = interval * (limit.burst() - 1);
        Long wait = ownTransaction.execute(status -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = now();
                if (buckets.take(bucket, now, interval, tolerance)) {
                    return 0L;
                }
                if (buckets.create(bucket, now + interval)) {
                    return -1L;
                }
                // The bucket exists: empty, or created (or forgotten) by another request since the UPDATE.
                long empty = buckets.fullAt(bucket)
                        .map(fullAt -> fullAt - tolerance - now)
                        .orElse(0L);
                if (empty > 0) {
                    return empty;
                }
            }
            // Lost the race every time: refuse for a moment rather than let more through than allowed.
            return interval;
        });
        if (wait != null && wait > 0) {
            throw new RateLimitedException(limit, Duration.ofNanos(wait * 1_000));
        }
        if (wait != null && wait < 0) {
            forgetFullBuckets();
        }
    }

    /** Gives back what {@link #take} took, for requests that turned out legitimate (a correct password). */
    public void giveBack(Limit limit, String... key) {
        ownTransaction.executeWithoutResult(
                status -> buckets.giveBack(bucket(limit, key), now(), micros(limit.refill())));
    }

    /**
     * A missing row and a full bucket mean the same, so full buckets are deleted whenever a new one is made:
     * the table holds only the busy ones. A clean-up that fails (another node's ran at the same moment and
     * won a lock) is harmless: the rows go with the next one.
     */
    private void forgetFullBuckets() {
        try {
            ownTransaction.executeWithoutResult(status -> buckets.forgetFullBefore(now()));
        } catch (DataAccessException e) {
            log.debug("Rate-limit clean-up deferred: {}", e.getClass().getSimpleName());
        }
    }

    private long now() {
        return EpochMicros.now(clock);
    }

    private static long micros(Duration duration) {
        return Math.max(1, duration.toNanos() / 1_000);
    }

    private static String bucket(Limit limit, String... key) {
        // Each part ends in NUL, which none contains, so that ("ab", "c") and ("a", "bc") differ.
        StringBuilder parts = new StringBuilder();
        for (String part : key) {
            parts.append(part).append('\0');
        }
        return limit.name() + ":" + Sha256.hex(parts.toString().getBytes(StandardCharsets.UTF_8));
    }
}
