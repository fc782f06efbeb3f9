package dev.keyhole.account;

import org.jspecify.annotations.Nullable;

/**
 * Ente's answer to a successful email or SRP check: the sealed token, or, when the account requires a
 * second factor, the pending session(s) instead (server/pkg/controller/user/userauth.go,
 * onVerificationSuccess). Second-factor fields that do not apply are empty strings, as Ente sends them;
 * absent (null) fields are left out of the JSON, like Ente's omitempty.
 */
record EmailAuthorizationResponse(
        long id,
        @Nullable KeyAttributes keyAttributes,
        @Nullable String encryptedToken,
        @Nullable String token,
        String passkeySessionID,
        String accountsUrl,
        String twoFactorSessionID,
        String twoFactorSessionIDV2,
        @Nullable String srpM2) {

    /** A finished account: the token sealed to its public key, readable only with the password. */
    static EmailAuthorizationResponse sealed(
            UserId user, KeyAttributes keyAttributes, String encryptedToken, @Nullable String srpM2) {
        return new EmailAuthorizationResponse(user.value(), keyAttributes, encryptedToken, null, "", "", "", "", srpM2);
    }

    /**
     * The account requires a passkey: no key attributes and no token yet, only the pending session (and
     * srpM2, so that an SRP client can still check the server).
     */
    static EmailAuthorizationResponse awaitingPasskey(
            UserId user, SecondFactor.Pending pending, @Nullable String srpM2) {
        return new EmailAuthorizationResponse(
                user.value(), null, null, null, pending.passkeySessionID(), pending.accountsUrl(), "", "", srpM2);
    }

    /** The account requires a TOTP code: only the pending session's id (and srpM2). */
    static EmailAuthorizationResponse awaitingTotp(UserId user, String twoFactorSessionId, @Nullable String srpM2) {
        return new EmailAuthorizationResponse(user.value(), null, null, null, "", "", twoFactorSessionId, "", srpM2);
    }

    /**
     * Both a passkey and a TOTP code would do: Ente names the TOTP session {@code twoFactorSessionIDV2},
     * so that clients that know only one factor take the passkey path.
     */
    static EmailAuthorizationResponse awaitingPasskeyOrTotp(
            UserId user, SecondFactor.Pending pending, String twoFactorSessionId, @Nullable String srpM2) {
        return new EmailAuthorizationResponse(
                user.value(),
                null,
                null,
                null,
                pending.passkeySessionID(),
                pending.accountsUrl(),
                "",
                twoFactorSessionId,
                srpM2);
    }

    /** An account whose sign-up is not finished: no public key yet to seal to, so the token in the clear. */
    static EmailAuthorizationResponse plain(UserId user, String token) {
        return new EmailAuthorizationResponse(user.value(), null, null, token, "", "", "", "", null);
    }
}
