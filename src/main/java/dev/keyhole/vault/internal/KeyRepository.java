package dev.keyhole.vault.internal;

import dev.keyhole.vault.AuthenticatorKey;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's authenticator key, and the account's entity clock that lives in the same row. */
@Repository
public class KeyRepository {

    private final JdbcClient jdbc;

    KeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AuthenticatorKey> findByUser(long userId) {
        return jdbc.sql("SELECT user_id, encrypted_key, header, created_at FROM authenticator_keys WHERE user_id = ?")
                .param(userId)
                .query((rs, row) ->
                        new AuthenticatorKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /**
     * The account's entity clock, read without a lock: no entity of the account has a later updatedAt.
     * Empty when the account has no key yet.
     */
    public Optional<Long> clock(long userId) {
        return jdbc.sql("SELECT last_updated_at FROM authenticator_keys WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .optional();
    }

    /** False when the account already has a key: it is created once and never replaced. */
    public boolean insert(long userId, String encryptedKey, String header, long now) {
        return jdbc.sql("""
                INSERT INTO authenticator_keys (user_id, encrypted_key, header, created_at, last_updated_at)
                VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING""").params(userId, encryptedKey, header, now).update() == 1;
    }

    /**
     * The last updatedAt given to one of the account's entities, with the row locked until the
     * transaction ends: writers of one account queue here. Empty when the account has no key yet.
     */
    public Optional<Long> lockClock(long userId) {
        return jdbc.sql("SELECT last_updated_at FROM authenticator_keys WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query(Long.class)
                .optional();
    }

    public void advanceClock(long userId, long updatedAt) {
        jdbc.sql("UPDATE authenticator_keys SET last_updated_at = ? WHERE user_id = ?")
                .params(updatedAt, userId)
                .update();
    }
}
