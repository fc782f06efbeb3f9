-- Passkeys. Credential ids and keys are kept as base64 text; the PRF-wrapped master key is ciphertext the
-- browser made, stored exactly as sent.

-- Per account: the random WebAuthn user handle (never the email or the database id) and the policy
-- "a password sign-in must be followed by a passkey".
CREATE TABLE passkey_accounts (
    user_id                BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    user_handle            VARCHAR(64) NOT NULL UNIQUE,
    require_after_password BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE TABLE passkeys (
    -- base64url without padding, as WebAuthn sends it; credential ids are at most 1023 bytes.
    credential_id          VARCHAR(1400) PRIMARY KEY,
    user_id                BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                   VARCHAR(100)  NOT NULL,
    credential_data        VARCHAR(4000) NOT NULL,
    sign_count             BIGINT        NOT NULL,
    backup_eligible        BOOLEAN       NOT NULL,
    backup_state           BOOLEAN       NOT NULL,
    prf_salt               VARCHAR(64),
    prf_wrapped_key        VARCHAR(256),
    prf_nonce              VARCHAR(64),
    created_at             BIGINT        NOT NULL,
    last_used_at           BIGINT
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);
