package dev.keyhole.account.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's TOTP second factor, and the seeds handed out by setup that wait for their first code.
 * Seeds are stored only in their server-encrypted form (see V202612012340__two_factor.sql).
 */
@Repository
public class TwoFactorRepository {

    /** An account's confirmed seed; {@code enabled} false after disable or a recovery. */
    public record Totp(String encryptedSecret, String secretHash, boolean enabled, long lastUsedStep) {}

    /** The recovery copy, encrypted by the client with the account's recovery key. */
    public record RecoveryCopy(String encryptedSecret, String nonce) {}

    public record Setup(long id, String encryptedSecret, int wrongAttempts) {}

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's row, locked until the transaction ends so that a code is accepted at most once. */
    public Optional<Totp> lock(long userId) {
        return jdbc.sql("SELECT encrypted_secret, secret_hash, enabled, last_used_step FROM two_factor "
                        + "WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query((rs, row) -> new Totp(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)))
                .optional();
    }

    public boolean isEnabled(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE user_id = ? AND enabled")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<RecoveryCopy> recoveryCopy(long userId) {
        return jdbc.sql("SELECT recovery_encrypted_secret, recovery_secret_nonce FROM two_factor WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> new RecoveryCopy(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /**
     * Makes this seed the account's, enabled. The newest used step is kept when it is higher, so that a
     * code already accepted stays refused whichever seed produced it.
     */
    public void enable(
            long userId, String encryptedSecret, String secretHash, RecoveryCopy recovery, long step, long now) {
        int updated = jdbc.sql("""
                UPDATE two_factor SET encrypted_secret = ?, secret_hash = ?, recovery_encrypted_secret = ?,
                recovery_secret_nonce = ?, enabled = TRUE, last_used_step = GREATEST(last_used_step, ?),
                updated_at = ? WHERE user_id = ?""")
                .params(encryptedSecret, secretHash, recovery.encryptedSecret(), recovery.nonce(), step, now, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO two_factor (user_id, encrypted_secret, secret_hash, recovery_encrypted_secret,
                    recovery_secret_nonce, enabled, last_used_step, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)""")
                    .params(
                            userId,
                            encryptedSecret,
                            secretHash,
                            recovery.encryptedSecret(),
                            recovery.nonce(),
                            step,
                            now)
                    .update();
        }
    }

    /** Records the step a code was accepted for; false if that step (or a newer one) was used already. */
    public boolean useStep(long userId, long step, long now) {
        return jdbc.sql("UPDATE two_factor SET last_used_step = ?, updated_at = ? "
                                + "WHERE user_id = ? AND last_used_step < ?")
                        .params(step, now, userId, step)
                        .update()
                == 1;
    }

    public void disable(long userId, long now) {
        jdbc.sql("UPDATE two_factor SET enabled = FALSE, updated_at = ? WHERE user_id = ?")
                .params(now, userId)
                .update();
    }

    /** Stores a seed from setup, and forgets every expired one (of any account). */
    public void insertSetup(long userId, String encryptedSecret, long now, long expiresAt) {
        jdbc.sql("DELETE FROM two_factor_setups WHERE expires_at <= ?")
                .param(now)
                .update();
        jdbc.sql("INSERT INTO two_factor_setups (user_id, encrypted_secret, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?)")
                .params(userId, encryptedSecret, now, expiresAt)
                .update();
    }

    /** The account's unexpired setups, newest first, locked so that wrong attempts are counted exactly. */
    public List<Setup> lockSetups(long userId, long now) {
        return jdbc.sql("SELECT id, encrypted_secret, wrong_attempts FROM two_factor_setups "
                        + "WHERE user_id = ? AND expires_at > ? ORDER BY id DESC FOR UPDATE")
                .params(userId, now)
                .query((rs, row) -> new Setup(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    public void recordWrongSetupAttempt(long userId, long now) {
        jdbc.sql("UPDATE two_factor_setups SET wrong_attempts = wrong_attempts + 1 "
                        + "WHERE user_id = ? AND expires_at > ?")
                .params(userId, now)
                .update();
    }

    public void deleteSetups(long userId) {
        jdbc.sql("DELETE FROM two_factor_setups WHERE user_id = ?")
                .param(userId)
                .update();
    }
}
