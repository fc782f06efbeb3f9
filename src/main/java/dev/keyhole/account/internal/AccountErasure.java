package dev.keyhole.account.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Removes an account and everything stored for it. Every table that names the account by its id
 * references {@code users} with ON DELETE CASCADE (key attributes, SRP, tokens, the authenticator key and
 * entities, passkeys and their pending sign-ins, viewer settings, the deletion challenge), so deleting the
 * user row removes those; what is keyed by the SRP identity or the email is removed here first.
 */
@Repository
public class AccountErasure {

    private final JdbcClient jdbc;

    AccountErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Call inside a transaction. False when the account was already gone. */
    public boolean erase(long userId) {
        jdbc.sql("""
                DELETE FROM srp_sessions WHERE srp_user_id IN (
                    SELECT srp_user_id FROM srp_auth WHERE user_id = ?
                    UNION SELECT srp_user_id FROM srp_setups WHERE user_id = ?)""").params(userId, userId).update();
        jdbc.sql("DELETE FROM email_codes WHERE email = (SELECT email FROM users WHERE id = ?)")
                .param(userId)
                .update();
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update() == 1;
    }
}
