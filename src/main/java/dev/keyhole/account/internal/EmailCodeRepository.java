package dev.keyhole.account.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Emailed one-time codes, by email and by the client address that asked for them, stored as hashes.
 * "Active" means not yet expired.
 */
@Repository
public class EmailCodeRepository {

    public record ActiveCode(long id, String codeHash, int wrongAttempts, long expiresAt) {}

    private final JdbcClient jdbc;

    EmailCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a code, and forgets every expired one (of any email), so that the table stays small. */
    public void insert(String email, String clientKey, String codeHash, long now, long expiresAt) {
        jdbc.sql("DELETE FROM email_codes WHERE expires_at <= ?").param(now).update();
        jdbc.sql("INSERT INTO email_codes (email, client_key, code_hash, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(email, clientKey, codeHash, now, expiresAt)
                .update();
    }

    /**
     * The active codes sent for this client address, row-locked until the transaction ends so that
     * attempts are counted exactly.
     */
    public List<ActiveCode> lockActive(String email, String clientKey, long now) {
        return jdbc.sql("""
                SELECT id, code_hash, wrong_attempts, expires_at FROM email_codes
                WHERE email = ? AND client_key = ? AND expires_at > ? ORDER BY id FOR UPDATE""")
                .params(email, clientKey, now)
                .query((rs, row) -> new ActiveCode(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
    }

    /**
     * As Ente: a wrong code counts against every active code (here: of this address), so the lock lasts
     * until they all expire.
     */
    public void recordWrongAttempt(String email, String clientKey, long now) {
        jdbc.sql("UPDATE email_codes SET wrong_attempts = wrong_attempts + 1 "
                        + "WHERE email = ? AND client_key = ? AND expires_at > ?")
                .params(email, clientKey, now)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM email_codes WHERE id = ?").param(id).update();
    }
}
