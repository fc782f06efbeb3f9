package dev.keyhole.viewer;

import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * When this web session last proved who is at the keyboard: a sign-in (password or passkey) or a passkey
 * unlock. Changing an account's passkeys needs such a proof within the last few minutes, because the
 * second factor is only as strong as what it takes to switch it off: a web session left open in a
 * forgotten, auto-locked tab must not be able to drop the policy, delete passkeys or add its own. An
 * export from the browser needs the same proof, in the same window: a forgotten tab must not hand out
 * every secret at once.
 */
@Component
class RecentProof {

    private static final String ATTRIBUTE = RecentProof.class.getName();

    private final Clock clock;
    private final Duration window;

    RecentProof(Clock clock, ViewerProperties properties) {
        this.clock = clock;
        this.window = Duration.ofMillis(Math.round(properties.passkeyChangeWindowMinutes() * 60_000));
    }

    void record(HttpSession session) {
        session.setAttribute(ATTRIBUTE, clock.instant());
    }

    void require(HttpServletRequest request) {
        require(request, "Changing passkeys needs a recent sign-in. Unlock with a passkey, or sign out and in again.");
    }

    /** {@code message}: what the refusal says, naming what needed the proof. */
    void require(HttpServletRequest request, String message) {
        HttpSession session = request.getSession(false);
        Instant provedAt = session == null ? null : (Instant) session.getAttribute(ATTRIBUTE);
        if (provedAt == null || clock.instant().isAfter(provedAt.plus(window))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "RECENT_SIGN_IN_REQUIRED", message);
        }
    }
}
