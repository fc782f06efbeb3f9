package dev.keyhole.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code keyhole.sessions.*}: how long, and how many, HTTP sessions nobody signed in to are kept. Defaults
 * in the jar's application.properties, documented in the repository's.
 */
@ConfigurationProperties("keyhole.sessions")
record SessionProperties(Duration anonymousTimeout, int anonymousPerAddress, int anonymousTotal) {

    SessionProperties {
        // A servlet session with a max-inactive interval of 0 or less never expires: refuse that here.
        if (anonymousTimeout == null || anonymousTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("keyhole.sessions.anonymous-timeout must be at least 1s");
        }
        if (anonymousPerAddress < 1 || anonymousTotal < anonymousPerAddress) {
            throw new IllegalArgumentException("keyhole.sessions.anonymous-per-address must be at least 1, and"
                    + " keyhole.sessions.anonymous-total at least as large");
        }
    }
}
