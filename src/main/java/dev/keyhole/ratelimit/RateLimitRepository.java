package dev.keyhole.ratelimit;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Buckets as rows of {@code rate_limits}, each holding the bucket's theoretical arrival time (GCRA): the
 * moment at which it would be full again, in epoch microseconds. Every change is one statement whose
 * condition the database checks on the row it locks, so two nodes or threads can never both take the last
 * request of a bucket (on PostgreSQL and on H2 alike, at READ COMMITTED).
 */
@Repository
class RateLimitRepository {

    private final JdbcClient jdbc;

    RateLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a bucket that has just given one request; false when the bucket already exists. */
    boolean create(String bucket, long fullAt) {
        return jdbc.sql("INSERT INTO rate_limits (bucket, full_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(bucket, fullAt)
                        .update()
                == 1;
    }

    /** Takes one request if the bucket has one left at {@code now}; false when it has none. */
    boolean take(String bucket, long now, long interval, long tolerance) {
        return jdbc.sql("UPDATE rate_limits SET full_at = GREATEST(full_at, ?) + ? WHERE bucket = ? AND full_at <= ?")
                        .params(now, interval, bucket, now + tolerance)
                        .update()
                == 1;
    }

    /** Gives one request back, never filling the bucket beyond its burst. */
    void giveBack(String bucket, long now, long interval) {
        jdbc.sql("UPDATE rate_limits SET full_at = GREATEST(full_at - ?, ?) WHERE bucket = ?")
                .params(interval, now, bucket)
                .update();
    }

    Optional<Long> fullAt(String bucket) {
        return jdbc.sql("SELECT full_at FROM rate_limits WHERE bucket = ?")
                .param(bucket)
                .query(Long.class)
                .optional();
    }

    /** Forgets full buckets: a missing row and a full bucket mean the same, so the table holds only the busy. */
    int forgetFullBefore(long now) {
        return jdbc.sql("DELETE FROM rate_limits WHERE full_at < ?").param(now).update();
    }
}
