package dev.keyhole.passkey.internal;

import dev.keyhole.account.ClientInfo;
import dev.keyhole.account.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins waiting for a passkey, keyed by the hash of their session id. Every step that must happen once
 * (taking the ceremony, finishing) is a single conditional update, so that concurrent requests on several
 * nodes cannot both succeed.
 */
@Repository
public class PendingSignInRepository {

    /** One pending sign-in; the ceremony fields are null when none is open, the last two until finished. */
    public record PendingSignIn(
            UserId user,
            ClientInfo client,
            long expiresAt,
            @Nullable String ceremonyId,
            @Nullable String ceremonyChallenge,
            @Nullable Long ceremonyExpiresAt,
            @Nullable Long finishedAt,
            @Nullable String encryptedToken) {}

    private final JdbcClient jdbc;

    PendingSignInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new pending sign-in and forgets the expired ones (of every account). */
    public void insert(String sessionHash, UserId user, ClientInfo client, long now, long expiresAt) {
        jdbc.sql("DELETE FROM passkey_pending_sign_ins WHERE expires_at < ?")
                .param(now)
                .update();
        jdbc.sql("""
                INSERT INTO passkey_pending_sign_ins (session_hash, user_id, client_package, user_agent, ip,
                                                      created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        sessionHash,
                        user.value(),
                        client.clientPackage(),
                        client.userAgent(),
                        client.ip(),
                        now,
                        expiresAt)
                .update();
    }

    public Optional<PendingSignIn> find(String sessionHash) {
        return jdbc.sql("""
                SELECT user_id, client_package, user_agent, ip, expires_at, ceremony_id, ceremony_challenge,
                       ceremony_expires_at, finished_at, encrypted_token
                FROM passkey_pending_sign_ins WHERE session_hash = ?""")
                .param(sessionHash)
                .query((rs, row) -> new PendingSignIn(
                        new UserId(rs.getLong(1)),
                        new ClientInfo(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, Long.class),
                        rs.getObject(9, Long.class),
                        rs.getString(10)))
                .optional();
    }

    /** Opens a ceremony, replacing any earlier one; false when the sign-in is finished or expired. */
    public boolean openCeremony(
            String sessionHash, String ceremonyId, String challenge, long ceremonyExpiresAt, long now) {
        return jdbc.sql("""
                UPDATE passkey_pending_sign_ins
                SET ceremony_id = ?, ceremony_challenge = ?, ceremony_expires_at = ?
                WHERE session_hash = ? AND finished_at IS NULL AND expires_at >= ?""")
                        .params(ceremonyId, challenge, ceremonyExpiresAt, sessionHash, now)
                        .update()
                == 1;
    }

    /** Removes the open ceremony if it is this one; true for exactly one caller. */
    public boolean takeCeremony(String sessionHash, String ceremonyId) {
        return jdbc.sql("""
                UPDATE passkey_pending_sign_ins
                SET ceremony_id = NULL, ceremony_challenge = NULL, ceremony_expires_at = NULL
                WHERE session_hash = ? AND ceremony_id = ?""").params(sessionHash, ceremonyId).update() == 1;
    }

    /** Marks the sign-in finished with its sealed token; false when it already was, or has expired. */
    public boolean finish(String sessionHash, String encryptedToken, long now) {
        return jdbc.sql("""
                UPDATE passkey_pending_sign_ins SET finished_at = ?, encrypted_token = ?
                WHERE session_hash = ? AND finished_at IS NULL AND expires_at >= ?""").params(now, encryptedToken, sessionHash, now).update() == 1;
    }
}
