package dev.keyhole.passkey;

import java.time.Instant;

/**
 * A WebAuthn challenge handed to a browser, kept by the caller (in the HTTP session, or with a sign-in that
 * waits for its passkey) until the answer comes back. Each is answered at most once and only before it
 * expires.
 */
public record Ceremony(Kind kind, byte[] challenge, Instant expiresAt) {

    public enum Kind {
        REGISTRATION,
        SIGN_IN
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(expiresAt);
    }
}
