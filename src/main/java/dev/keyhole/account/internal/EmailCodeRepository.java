package dev.keyhole.account.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emailed one-time codes, by email, stored as hashes. "Active" means not yet expired. */
@Repository
public class EmailCodeRepository {

    public record ActiveCode(long id, String codeHash, int wrongAttempts) {}

    private final JdbcClient jdbc;

    EmailCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int countActive(String email, long now) {
        return jdbc.sql("SELECT COUNT(*) FROM email_codes WHERE email = ? AND expires_at > ?")
                .params(email, now)
                .query(Integer.class)
                .single();
    }

    /** Stores a code, and forgets every expired one (of any email), so that the table stays small. */
    public void insert(String email, String codeHash, long now, long expiresAt) {
        jdbc.sql("DELETE FROM email_codes WHERE expires_at <= ?").param(now).update();
        jdbc.sql("INSERT INTO email_codes (email, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(email, codeHash, now, expiresAt)
                .update();
    }

    /** The active codes, row-locked until the transaction ends so that attempts are counted exactly. */
    public List<ActiveCode> lockActive(String email, long now) {
        return jdbc.sql("""
                SELECT id, code_hash, wrong_attempts FROM email_codes WHERE email = ? AND expires_at > ?
                ORDER BY id FOR UPDATE""")
                .params(email, now)
                .query((rs, row) -> new ActiveCode(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** As Ente: a wrong code counts against every active code, so the lock lasts until they all expire. */
    public void recordWrongAttempt(String email, long now) {
        jdbc.sql("UPDATE email_codes SET wrong_attempts = wrong_attempts + 1 WHERE email = ? AND expires_at > ?")
                .params(email, now)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM email_codes WHERE id = ?").param(id).update();
    }
}
