package dev.keyhole.account;

import dev.keyhole.account.internal.TokenRepository;
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
     * One entry of Ente's sessions list. {@code token} carries the session's public id, not the token:
     * tokens are stored hashed, and the id is what {@code DELETE /users/session?token=} takes.
     */
    record SessionView(String token, long creationTime, String ip, String ua, String prettyUA, long lastUsedTime) {}

    record SessionsResponse(List<SessionView> sessions) {}

    record SessionValidity(boolean hasSetKeys, @Nullable KeyAttributes keyAttributes) {}

    private final AccountService accounts;
    private final TokenService tokens;

    UserController(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
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
    SessionsResponse sessions(@AuthenticationPrincipal CurrentUser user) {
        return new SessionsResponse(tokens.sessions(user.userId()).stream()
                .map(UserController::view)
                .toList());
    }

    @DeleteMapping("/users/session")
    Map<String, Object> revokeSession(@AuthenticationPrincipal CurrentUser user, @RequestParam String token) {
        tokens.revoke(user.userId(), token);
        return Map.of();
    }

    private static SessionView view(TokenRepository.Session session) {
        String ua = Objects.requireNonNullElse(session.userAgent(), "");
        String pretty = session.clientPackage() != null ? session.clientPackage() : ua;
        return new SessionView(
                session.tokenHash(),
                session.createdAt(),
                Objects.requireNonNullElse(session.ip(), ""),
                ua,
                pretty,
                session.lastUsedAt());
    }
}
