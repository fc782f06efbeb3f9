package dev.keyhole.account.internal;

import java.util.Optional;
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
}
