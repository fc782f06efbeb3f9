package dev.keyhole.account.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's SRP identity (srpUserID), salt and verifier. An account counts as able to sign in with
 * SRP only once it has key attributes too: without them there is nothing to sign in to.
 */
@Repository
public class SrpAuthRepository {

    public record SrpAuth(long userId, UUID srpUserId, String salt, String verifier) {}

    /** What {@code GET /users/srp/attributes} tells a client so that it can derive the login key. */
    public record LoginParameters(
            UUID srpUserId, String srpSalt, long memLimit, long opsLimit, String kekSalt, boolean emailMfa) {}

    private final JdbcClient jdbc;

    SrpAuthRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LoginParameters> findLoginParameters(String email) {
        return jdbc.sql("""
                SELECT s.srp_user_id, s.salt, k.mem_limit, k.ops_limit, k.kek_salt, u.email_mfa
                FROM users u JOIN srp_auth s ON s.user_id = u.id JOIN key_attributes k ON k.user_id = u.id
                WHERE u.email = ?""")
                .param(email)
                .query((rs, row) -> new LoginParameters(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .optional();
    }

    /** The complete account (SRP and key attributes) that this srpUserID signs in to. */
    public Optional<SrpAuth> findComplete(UUID srpUserId) {
        return jdbc.sql("""
                SELECT s.user_id, s.srp_user_id, s.salt, s.verifier FROM srp_auth s
                JOIN key_attributes k ON k.user_id = s.user_id WHERE s.srp_user_id = ?""")
                .param(srpUserId)
                .query((rs, row) ->
                        new SrpAuth(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM srp_auth WHERE user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean isUsedByAnother(UUID srpUserId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM srp_auth WHERE srp_user_id = ? AND user_id <> ?")
                        .params(srpUserId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void save(long userId, UUID srpUserId, String salt, String verifier, long now) {
        int updated = jdbc.sql("UPDATE srp_auth SET srp_user_id = ?, salt = ?, verifier = ?, updated_at = ? "
                        + "WHERE user_id = ?")
                .params(srpUserId, salt, verifier, now, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO srp_auth (user_id, srp_user_id, salt, verifier, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(userId, srpUserId, salt, verifier, now)
                    .update();
        }
    }
}
