package dev.keyhole.account;

/**
 * The principal of an authenticated sync API request: whose token it was, and the public id of that
 * token's session (what {@code GET /users/sessions} lists; never the token itself).
 * Controllers take it with {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(UserId userId, String sessionId) {}
