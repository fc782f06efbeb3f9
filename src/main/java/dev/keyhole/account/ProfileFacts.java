package dev.keyhole.account;

/**
 * What other features know about an account that Ente's {@code GET /users/details/v2} reports in its
 * {@code profileData}. Accounts know only this interface; a feature that adds a second factor implements it.
 * Every fact defaults to "none", which is true of an account no feature has touched.
 */
public interface ProfileFacts {

    default boolean emailMfaEnabled(UserId user) {
        return false;
    }

    default boolean twoFactorEnabled(UserId user) {
        return false;
    }

    default long passkeyCount(UserId user) {
        return 0;
    }
}
