package dev.keyhole.testing;

/**
 * Settings for test servers that many tests share: the suite signs in hundreds of times from 127.0.0.1,
 * which the per-address limits would (rightly) refuse. The per-account limits stay at their defaults, and
 * the rate-limit tests run with the defaults throughout.
 */
public final class TestLimits {

    public static final String PER_ADDRESS_BURST = "keyhole.limits.per-address.burst=1000000";
    public static final String PER_ADDRESS_POLLING_BURST = "keyhole.limits.per-address.polling-burst=1000000";

    private TestLimits() {}
}
