package dev.keyhole.account;

/**
 * A further proof that a password (SRP) or emailed-code sign-in must give before it gets a token: Ente's
 * passkey second factor. Accounts know only this interface; the passkey feature implements it, and once its
 * proof passed it ends the held sign-in with {@link AccountService#completeHeldSignIn}.
 */
public interface SecondFactor {

    /** Used when no feature provides a second factor: nothing is ever required. */
    SecondFactor NONE = new SecondFactor() {
        @Override
        public boolean requiredFor(UserId user) {
            return false;
        }

        @Override
        public Pending hold(UserId user, ClientInfo client) {
            throw new IllegalStateException("no second factor is configured");
        }
    };

    /** Whether a sign-in of this account that passed its password or emailed code must still prove more. */
    boolean requiredFor(UserId user);

    /**
     * Keeps the sign-in pending until the factor is proven. Called inside the sign-in's transaction, so a
     * sign-in that fails after this leaves nothing pending.
     */
    Pending hold(UserId user, ClientInfo client);

    /**
     * What the client is told instead of a token, in Ente's terms: the pending session's id and the base
     * URL of the page that completes it ({@code <accountsUrl>/passkeys/verify?passkeySessionID=..}).
     */
    record Pending(String passkeySessionID, String accountsUrl) {}
}
