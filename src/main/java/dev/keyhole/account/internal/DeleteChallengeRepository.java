package dev.keyhole.account.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's one open deletion challenge, by the hex SHA-256 of its raw bytes. */
@Repository
public class DeleteChallengeRepository {

    private final JdbcClient jdbc;

    DeleteChallengeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new challenge replaces the account's previous one, so only the latest one handed out works. */
    public void replace(long userId, String challengeHash, long expiresAt) {
        jdbc.sql("DELETE FROM delete_challenges WHERE user_id = ?")
                .param(userId)
                .update();
        jdbc.sql("INSERT INTO delete_challenges (user_id, challenge_hash, expires_at) VALUES (?, ?, ?)")
                .params(userId, challengeHash, expiresAt)
                .update();
    }

    /** Uses up the challenge if it is the account's and still open; false (and nothing changed) otherwise. */
    public boolean take(long userId, String challengeHash, long now) {
        return jdbc.sql("DELETE FROM delete_challenges WHERE user_id = ? AND challenge_hash = ? AND expires_at > ?")
                        .params(userId, challengeHash, now)
                        .update()
                == 1;
    }
}
