package dev.keyhole.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that anyone can call before signing in: each client address gets a bucket of its own
 * for it ({@code keyhole.limits.per-address.*}), whatever email or account the requests name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LimitedPerAddress {

    /** The bucket's name; endpoints that share a name share a bucket. */
    String value();

    /** For endpoints that clients poll while a person approves elsewhere: the larger polling allowance. */
    boolean polling() default false;
}
