package dev.keyhole.viewer;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.CurrentUser;
import dev.keyhole.account.UserId;
import dev.keyhole.ratelimit.LimitedPerAddress;
import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web session: opened with a sync token that the browser got by SRP (and that is revoked here, so the
 * browser keeps nothing that could write), holding the account id and a fresh key that wraps the tab's
 * stored master key. A passkey opens the same session ({@link PasskeySignInController}). Logout is
 * Spring's logout filter at {@code POST /web/logout}.
 */
@RestController
class WebSessionController {

    static final String OPEN_PATH = "/web/session";

    record OpenRequest(@Nullable String token) {}

    record SessionKey(String sessionKey) {}

    private final AccountService accounts;
    private final WebSessionOpener sessions;

    WebSessionController(AccountService accounts, WebSessionOpener sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping(OPEN_PATH)
    @LimitedPerAddress("web-session")
    WebSessionOpener.Opened open(
            @RequestBody OpenRequest body, HttpServletRequest request, HttpServletResponse response) {
        String token = body.token();
        if (token == null || token.isBlank() || token.length() > 128) {
            throw ApiException.badRequest("MISSING_FIELD", "The field token is required.");
        }
        UserId user = redeem(token)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The sign-in token is not valid. Sign in again."));
        return sessions.open(user, request, response);
    }

    /** The token's account, empty for an unknown or revoked token; afterwards the token is revoked either way. */
    private Optional<UserId> redeem(String token) {
        Optional<CurrentUser> user = accounts.authenticate(token);
        // The browser must keep no credential that can write: the token ends here, the web session
        // (which can only read) takes its place.
        user.ifPresent(signedIn -> accounts.revokeSession(signedIn.userId(), signedIn.sessionId()));
        return user.map(CurrentUser::userId);
    }

    @GetMapping("/web/session-key")
    SessionKey sessionKey(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        WebSessionKey key = session == null ? null : WebSessionKey.of(session).orElse(null);
        if (key == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", "Sign in first.");
        }
        return new SessionKey(key.base64());
    }
}
