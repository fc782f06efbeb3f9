package dev.keyhole.api;

import java.time.Clock;
import java.time.Instant;

/** Ente's time unit: every timestamp on the wire and in the store is microseconds since the epoch. */
public final class EpochMicros {

    private EpochMicros() {}

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
