package dev.keyhole.account.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SRP exchanges and the verifier proposals (setups) that ride on them. Attempt counting is done with
 * single conditional updates so that concurrent requests can never get more tries than allowed.
 */
@Repository
public class SrpSessionRepository {

    public record SrpSession(
            UUID id,
            UUID srpUserId,
            String serverSecret,
            String srpA,
            int attempts,
            boolean verified,
            long createdAt,
            @Nullable String clientKey) {}

    public record SrpSetup(UUID id, UUID sessionId, UUID srpUserId, String salt, String verifier) {}

    private final JdbcClient jdbc;

    SrpSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new session and forgets every session (of any identity, fake ones included) created before
     * {@code forgetBefore}, so that sign-in attempts for made-up srpUserIDs cannot fill the table.
     */
    public void insert(
            UUID id, UUID srpUserId, String serverSecret, String srpA, String clientKey, long now, long forgetBefore) {
        jdbc.sql("DELETE FROM srp_sessions WHERE created_at < ?")
                .param(forgetBefore)
                .update();
        jdbc.sql("INSERT INTO srp_sessions (id, srp_user_id, server_secret, srp_a, client_key, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, srpUserId, serverSecret, srpA, clientKey, now)
                .update();
    }

    public Optional<SrpSession> find(UUID id) {
        return jdbc.sql("SELECT id, srp_user_id, server_secret, srp_a, attempts, verified, created_at, client_key "
                        + "FROM srp_sessions WHERE id = ?")
                .param(id)
                .query((rs, row) -> new SrpSession(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        rs.getLong(7),
                        rs.getString(8)))
                .optional();
    }

    /** Takes one of the session's tries before the proof is checked; false when none is left. */
    public boolean claimAttempt(UUID id, int maxAttempts) {
        return jdbc.sql("UPDATE srp_sessions SET attempts = attempts + 1 "
                                + "WHERE id = ? AND verified = FALSE AND attempts < ?")
                        .params(id, maxAttempts)
                        .update()
                == 1;
    }

    /** Marks the session used and gives back the try that a correct proof does not count against. */
    public boolean markVerified(UUID id) {
        return jdbc.sql("UPDATE srp_sessions SET verified = TRUE, attempts = attempts - 1 "
                                + "WHERE id = ? AND verified = FALSE")
                        .param(id)
                        .update()
                == 1;
    }

    public void insertSetup(SrpSetup setup, long userId, long now) {
        jdbc.sql("INSERT INTO srp_setups (id, user_id, session_id, srp_user_id, salt, verifier, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(setup.id(), userId, setup.sessionId(), setup.srpUserId(), setup.salt(), setup.verifier(), now)
                .update();
    }

    public Optional<SrpSetup> findSetupByIdAndUser(UUID id, long userId) {
        return jdbc.sql("SELECT id, session_id, srp_user_id, salt, verifier FROM srp_setups "
                        + "WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query((rs, row) -> new SrpSetup(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
