package dev.keyhole.viewer;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A random 32-byte key kept only in the HTTP session. The browser wraps its tab's copy of the master key
 * under it (sessionStorage), so a reload needs no password while the session lives, and the copy is
 * useless once the session is gone (logout, expiry). The server never sees what it wraps.
 */
final class WebSessionKey implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String ATTRIBUTE = WebSessionKey.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private WebSessionKey(byte[] key) {
        this.key = key;
    }

    static WebSessionKey createIn(HttpSession session) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        WebSessionKey created = new WebSessionKey(key);
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }

    static Optional<WebSessionKey> of(HttpSession session) {
        return Optional.ofNullable((WebSessionKey) session.getAttribute(ATTRIBUTE));
    }

    String base64() {
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "WebSessionKey[redacted]";
    }
}
