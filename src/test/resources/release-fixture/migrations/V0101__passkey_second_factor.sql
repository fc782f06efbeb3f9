-- Sign-ins that passed the password (or emailed code) and wait for a passkey: Ente's passkeySessionID.
-- Kept in the database so that any node can answer begin, finish and get-token. No token exists while a
-- row waits; finish issues one and keeps only its sealed form (crypto_box_seal to the account's public
-- key, unreadable without the password) for get-token to hand out until the row expires.
CREATE TABLE passkey_pending_sign_ins (
    -- hex SHA-256 of the passkeySessionID, like tokens: a copy of this table names no live session.
    session_hash        VARCHAR(64)  PRIMARY KEY,
    user_id             BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the client that passed the first check, for the token finish issues (what the sessions list shows).
    client_package      VARCHAR(128),
    user_agent          VARCHAR(512),
    ip                  VARCHAR(64),
    created_at          BIGINT       NOT NULL,
    expires_at          BIGINT       NOT NULL,
    -- the one open WebAuthn ceremony (begin), cleared when finish takes it, whatever the outcome.
    ceremony_id         VARCHAR(64),
    ceremony_challenge  VARCHAR(64),
    ceremony_expires_at BIGINT,
    finished_at         BIGINT,
    encrypted_token     VARCHAR(256)
);
CREATE INDEX passkey_pending_sign_ins_by_expiry ON passkey_pending_sign_ins (expires_at);
