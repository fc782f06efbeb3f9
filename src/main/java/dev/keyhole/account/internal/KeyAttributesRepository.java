package dev.keyhole.account.internal;

import dev.keyhole.account.KeyAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's key attributes: set once at sign-up, the KEK part replaced on a password change, the
 * recovery part added once if sign-up left it out.
 */
@Repository
public class KeyAttributesRepository {

    private final JdbcClient jdbc;

    KeyAttributesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KeyAttributes> find(long userId) {
        return jdbc.sql("SELECT * FROM key_attributes WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> read(rs))
                .optional();
    }

    public boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM key_attributes WHERE user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** False when the account already has key attributes (they are never overwritten this way). */
    public boolean insert(long userId, KeyAttributes a, long now) {
        return jdbc.sql("""
                INSERT INTO key_attributes (user_id, kek_salt, kek_hash, encrypted_key, key_decryption_nonce,
                    public_key, encrypted_secret_key, secret_key_decryption_nonce, mem_limit, ops_limit,
                    master_key_encrypted_with_recovery_key, master_key_decryption_nonce,
                    recovery_key_encrypted_with_master_key, recovery_key_decryption_nonce, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                userId,
                                a.kekSalt(),
                                a.kekHash(),
                                a.encryptedKey(),
                                a.keyDecryptionNonce(),
                                a.publicKey(),
                                a.encryptedSecretKey(),
                                a.secretKeyDecryptionNonce(),
                                a.memLimit(),
                                a.opsLimit(),
                                a.masterKeyEncryptedWithRecoveryKey(),
                                a.masterKeyDecryptionNonce(),
                                a.recoveryKeyEncryptedWithMasterKey(),
                                a.recoveryKeyDecryptionNonce(),
                                now,
                                now)
                        .update()
                == 1;
    }

    /** A password change: the master key wrapped under the new KEK, and that KEK's parameters. */
    public boolean updateKek(
            long userId,
            String kekSalt,
            String encryptedKey,
            String keyDecryptionNonce,
            long memLimit,
            long opsLimit,
            long now) {
        return jdbc.sql("""
                UPDATE key_attributes SET kek_salt = ?, encrypted_key = ?, key_decryption_nonce = ?,
                    mem_limit = ?, ops_limit = ?, updated_at = ? WHERE user_id = ?""")
                        .params(kekSalt, encryptedKey, keyDecryptionNonce, memLimit, opsLimit, now, userId)
                        .update()
                == 1;
    }

    /** Ente's {@code PUT /users/recovery-key}: only for an account that has no recovery key yet. */
    public boolean setRecoveryIfAbsent(
            long userId,
            String masterKeyEncryptedWithRecoveryKey,
            String masterKeyDecryptionNonce,
            String recoveryKeyEncryptedWithMasterKey,
            String recoveryKeyDecryptionNonce,
            long now) {
        return jdbc.sql("""
                UPDATE key_attributes SET master_key_encrypted_with_recovery_key = ?, master_key_decryption_nonce = ?,
                    recovery_key_encrypted_with_master_key = ?, recovery_key_decryption_nonce = ?, updated_at = ?
                WHERE user_id = ? AND (recovery_key_encrypted_with_master_key IS NULL
                    OR recovery_key_encrypted_with_master_key = '')""")
                        .params(
                                masterKeyEncryptedWithRecoveryKey,
                                masterKeyDecryptionNonce,
                                recoveryKeyEncryptedWithMasterKey,
                                recoveryKeyDecryptionNonce,
                                now,
                                userId)
                        .update()
                == 1;
    }

    private static KeyAttributes read(ResultSet rs) throws SQLException {
        return new KeyAttributes(
                rs.getString("kek_salt"),
                orEmpty(rs.getString("kek_hash")),
                rs.getString("encrypted_key"),
                rs.getString("key_decryption_nonce"),
                rs.getString("public_key"),
                rs.getString("encrypted_secret_key"),
                rs.getString("secret_key_decryption_nonce"),
                rs.getLong("mem_limit"),
                rs.getLong("ops_limit"),
                orEmpty(rs.getString("master_key_encrypted_with_recovery_key")),
                orEmpty(rs.getString("master_key_decryption_nonce")),
                orEmpty(rs.getString("recovery_key_encrypted_with_master_key")),
                orEmpty(rs.getString("recovery_key_decryption_nonce")));
    }

    // Ente's server writes absent optional fields as "", and its clients expect a string there.
    private static String orEmpty(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
