package dev.keyhole.account.internal;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts by normalised email. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> findIdByEmail(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = ?")
                .param(email)
                .query(Long.class)
                .optional();
    }

    public Optional<String> findEmail(long userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    /**
     * Gives the account a new email; false when another account holds it (the unique constraint decides, so
     * two accounts racing for one address cannot both get it: the loser's transaction must roll back).
     */
    public boolean updateEmail(long userId, String email) {
        try {
            return jdbc.sql("UPDATE users SET email = ? WHERE id = ?")
                            .params(email, userId)
                            .update()
                    == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** When the account was created, in epoch microseconds. */
    public Optional<Long> findCreatedAt(long userId) {
        return jdbc.sql("SELECT created_at FROM users WHERE id = ?")
                .param(userId)
                .query(Long.class)
                .optional();
    }

    /** Creates the account, or returns the existing one when a concurrent sign-up won the race. */
    public long findOrCreate(String email, long now) {
        jdbc.sql("INSERT INTO users (email, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(email, now)
                .update();
        return findIdByEmail(email).orElseThrow();
    }

    /** Whether sign-in asks for an emailed code even after the password (Ente's email MFA). */
    public boolean emailMfa(long userId) {
        return jdbc.sql("SELECT email_mfa FROM users WHERE id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void setEmailMfa(long userId, boolean enabled) {
        jdbc.sql("UPDATE users SET email_mfa = ? WHERE id = ?")
                .params(enabled, userId)
                .update();
    }
}
