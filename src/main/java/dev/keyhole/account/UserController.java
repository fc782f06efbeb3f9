package dev.keyhole.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The token holder's own account: key attributes, logout and the sessions list. All need a token. */
@RestController
class UserController {

    record SetAttributesRequest(@Nullable KeyAttributes keyAttributes) {}

    /**
     * One entry of Ente's sessions list. Ente's apps mark "This device" where {@code token} equals their own
     * token (mobile/packages/accounts/lib/pages/sessions_page.dart), so the caller's own entry carries the
     * token the caller sent; every other entry carries its session's public id (the SHA-256 the token is
     * stored as, or a browser's random id), never a token. {@code DELETE /users/session?token=} takes
     * either. The viewer's browsers are listed too (they hold no token): {@code prettyUA} starts "Web viewer".
     */
    record SessionView(String token, long creationTime, String ip, String ua, String prettyUA, long lastUsedTime) {}

    record SessionsResponse(List<SessionView> sessions) {}

    record SessionValidity(boolean hasSetKeys, @Nullable KeyAttributes keyAttributes) {}

    private final AccountService accounts;
    private final TokenService tokens;
    private final AccountSessions sessions;

    UserController(AccountService accounts, TokenService tokens, AccountSessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @PutMapping("/users/attributes")
    void setAttributes(@AuthenticationPrincipal CurrentUser user, @RequestBody SetAttributesRequest request) {
        accounts.setKeyAttributes(user.userId(), request.keyAttributes());
    }

    @GetMapping("/users/session-validity/v2")
    SessionValidity sessionValidity(@AuthenticationPrincipal CurrentUser user) {
        KeyAttributes attributes = accounts.keyAttributes(user.userId()).orElse(null);
        return new SessionValidity(attributes != null, attributes);
    }

    @PostMapping("/users/logout")
    Map<String, Object> logout(@AuthenticationPrincipal CurrentUser user) {
        tokens.revoke(user.userId(), user.sessionId());
        return Map.of();
    }

    @GetMapping("/users/sessions")
    SessionsResponse sessions(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        String ownToken = TokenAuthenticationFilter.tokenOf(request);
        return new SessionsResponse(sessions.list(user.userId()).stream()
                .map(session -> view(session, session.id().equals(user.sessionId()) ? ownToken : null))
                .toList());
    }

    @DeleteMapping("/users/session")
    Map<String, Object> revokeSession(@AuthenticationPrincipal CurrentUser user, @RequestParam String token) {
        sessions.end(user.userId(), token);
        return Map.of();
    }

    /** {@code ownToken}: the caller's token, given only for the caller's own session. */
    private static SessionView view(AccountSession session, @Nullable String ownToken) {
        return new SessionView(
                ownToken != null ? ownToken : session.id(),
                session.createdAt(),
                Objects.requireNonNullElse(session.ip(), ""),
                Objects.requireNonNullElse(session.userAgent(), ""),
                session.client(),
                session.lastUsedAt());
    }
}
