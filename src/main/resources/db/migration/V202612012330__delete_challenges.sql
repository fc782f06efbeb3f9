-- Account deletion (Ente's GET /users/delete-challenge, then DELETE /users/delete): the challenge is sealed
-- to the account's public key, so only a client that can open the account's keys can send it back. Kept
-- as the hex SHA-256 of its raw bytes, like tokens, so a copy of this table deletes nothing. One live
-- challenge per account: asking again replaces it, using it removes it. Deleting the account removes it.
CREATE TABLE delete_challenges (
    user_id        BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    challenge_hash VARCHAR(64) NOT NULL,
    expires_at     BIGINT      NOT NULL
);
