package dev.keyhole.passkey.internal;

import dev.keyhole.account.UserId;
import dev.keyhole.passkey.Passkey;
import dev.keyhole.passkey.PrfWrappedKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Passkeys and per-account passkey settings. Every lookup but sign-in's is scoped to the owner. */
@Repository
public class PasskeyRepository {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();
    private static final String FIND = """
            SELECT user_id, credential_data, sign_count, backup_eligible, backup_state,
                   prf_salt, prf_wrapped_key, prf_nonce
            FROM passkeys
            """;
    private final JdbcClient jdbc;

    PasskeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> userHandle(UserId user) {
        return jdbc.sql("SELECT user_handle FROM passkey_accounts WHERE user_id = ?")
                .param(user.value())
                .query(String.class)
                .optional();
    }

    public void createAccount(UserId user, String userHandle) {
        jdbc.sql("INSERT INTO passkey_accounts (user_id, user_handle) VALUES (?, ?)")
                .params(user.value(), userHandle)
                .update();
    }

    /**
     * Serialises the changes to one account's passkeys and policy (until the transaction ends), so that
     * two concurrent deletions cannot leave the policy on with no passkey left.
     */
    public void lockAccount(UserId user) {
        jdbc.sql("SELECT user_id FROM passkey_accounts WHERE user_id = ? FOR UPDATE")
                .param(user.value())
                .query(Long.class)
                .optional();
    }

    /** The policy is on and there is a passkey to satisfy it: never a requirement nobody can meet. */
    public boolean passkeyRequiredAfterPassword(UserId user) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM passkey_accounts a
                WHERE a.user_id = ? AND a.require_after_password
                  AND EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = a.user_id)""").param(user.value()).query(Integer.class).single() > 0;
    }

    public boolean requiredAfterPassword(UserId user) {
        return jdbc.sql("SELECT require_after_password FROM passkey_accounts WHERE user_id = ?")
                .param(user.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public int setRequiredAfterPassword(UserId user, boolean required) {
        return jdbc.sql("UPDATE passkey_accounts SET require_after_password = ? WHERE user_id = ?")
                .params(required, user.value())
                .update();
    }

    public int count(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE user_id = ?")
                .param(user.value())
                .query(Integer.class)
                .single();
    }

    public List<String> credentialIds(UserId user) {
        return jdbc.sql("SELECT credential_id FROM passkeys WHERE user_id = ?")
                .param(user.value())
                .query(String.class)
                .list();
    }

    public void insert(UserId user, String id, String name, StoredCredential credential, long now) {
        jdbc.sql("""
                INSERT INTO passkeys (credential_id, user_id, name, credential_data, sign_count, backup_eligible,
                                      backup_state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        user.value(),
                        name,
                        B64.encodeToString(credential.attestedCredentialData()),
                        credential.signCount(),
                        credential.backupEligible(),
                        credential.backupState(),
                        now)
                .update();
    }

    public List<Passkey> list(UserId user) {
        return jdbc.sql("""
                SELECT credential_id, name, created_at, last_used_at, prf_wrapped_key IS NOT NULL AS unlocks
                FROM passkeys WHERE user_id = ? ORDER BY created_at""")
                .param(user.value())
                .query((rs, row) -> new Passkey(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class), rs.getBoolean(5)))
                .list();
    }

    public int rename(UserId user, String id, String name) {
        return jdbc.sql("UPDATE passkeys SET name = ? WHERE credential_id = ? AND user_id = ?")
                .params(name, id, user.value())
                .update();
    }

    public int delete(UserId user, String id) {
        return jdbc.sql("DELETE FROM passkeys WHERE credential_id = ? AND user_id = ?")
                .params(id, user.value())
                .update();
    }

    public int attachPrfKey(UserId user, String id, PrfWrappedKey key) {
        return jdbc.sql(
                        "UPDATE passkeys SET prf_salt = ?, prf_wrapped_key = ?, prf_nonce = ? WHERE credential_id = ? AND user_id = ?")
                .params(key.salt(), key.wrappedKey(), key.nonce(), id, user.value())
                .update();
    }

    /** Sign-in starts from the credential alone: the authenticator, not the user, says which one it is. */
    public Optional<Found> findForSignIn(String id) {
        return jdbc.sql(FIND + "WHERE credential_id = ?")
                .param(id)
                .query((rs, row) -> found(rs, id))
                .optional();
    }

    /** A credential that must belong to this account: another account's is as unknown as a missing one. */
    public Optional<Found> findByIdAndUser(String id, UserId user) {
        return jdbc.sql(FIND + "WHERE credential_id = ? AND user_id = ?")
                .params(id, user.value())
                .query((rs, row) -> found(rs, id))
                .optional();
    }

    private static Found found(ResultSet rs, String id) throws SQLException {
        return new Found(
                new UserId(rs.getLong(1)),
                new StoredCredential(
                        Base64.getUrlDecoder().decode(id),
                        B64_IN.decode(rs.getString(2)),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5)),
                rs.getString(7) == null ? null : new PrfWrappedKey(rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    /**
     * Records a use, but only if the counter moved on (or the authenticator keeps none): two sign-ins that
     * raced with the same counter cannot both pass, so a cloned credential loses.
     */
    public boolean recordUse(String id, long expectedCount, long newCount, long now) {
        return jdbc.sql("""
                UPDATE passkeys SET sign_count = ?, last_used_at = ?
                WHERE credential_id = ? AND sign_count = ? AND (? > sign_count OR (sign_count = 0 AND ? = 0))""")
                        .params(newCount, now, id, expectedCount, newCount, newCount)
                        .update()
                == 1;
    }

    public record Found(
            UserId user,
            StoredCredential credential,
            @org.jspecify.annotations.Nullable PrfWrappedKey prf) {}
}
