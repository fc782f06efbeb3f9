package dev.keyhole.viewer;

import dev.keyhole.passkey.Ceremony;
import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebAuthn challenges a browser was handed, kept in its HTTP session: one per purpose, so that
 * registering, signing in and unlocking never answer each other's challenge. Each is taken out by the
 * first answer, whether that answer passes or not; expiry is {@link dev.keyhole.passkey.PasskeyService}'s
 * check.
 */
final class PasskeyCeremonies {

    enum Purpose {
        REGISTRATION(Ceremony.Kind.REGISTRATION),
        SIGN_IN(Ceremony.Kind.SIGN_IN),
        UNLOCK(Ceremony.Kind.SIGN_IN);

        final Ceremony.Kind kind;

        Purpose(Ceremony.Kind kind) {
            this.kind = kind;
        }

        private String attribute() {
            return PasskeyCeremonies.class.getName() + "." + name();
        }
    }

    private PasskeyCeremonies() {}

    /** Replaces any challenge of the same purpose: only the newest one handed out can be answered. */
    static void hold(HttpSession session, Purpose purpose, Ceremony ceremony) {
        session.setAttribute(
                purpose.attribute(), new Held(ceremony.kind(), ceremony.challenge(), ceremony.expiresAt()));
    }

    /**
     * The pending challenge, removed from the session. Two answers racing for it see the same object in
     * the session; only one of them claims it.
     */
    static Optional<Ceremony> take(HttpServletRequest request, Purpose purpose) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Held held = (Held) session.getAttribute(purpose.attribute());
        session.removeAttribute(purpose.attribute());
        return held != null && held.claim() ? Optional.of(held.ceremony()) : Optional.empty();
    }

    static void dropAll(HttpSession session) {
        for (Purpose purpose : Purpose.values()) {
            session.removeAttribute(purpose.attribute());
        }
    }

    static ApiException expired() {
        return ApiException.badRequest("CEREMONY_EXPIRED", "The passkey request expired. Try again.");
    }

    /** Session attributes should be serialisable (a session store may write them out); the record is not. */
    private static final class Held implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final Ceremony.Kind kind;
        private final byte[] challenge;
        private final Instant expiresAt;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Held(Ceremony.Kind kind, byte[] challenge, Instant expiresAt) {
            this.kind = kind;
            this.challenge = challenge.clone();
            this.expiresAt = expiresAt;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        Ceremony ceremony() {
            return new Ceremony(kind, challenge.clone(), expiresAt);
        }
    }
}
