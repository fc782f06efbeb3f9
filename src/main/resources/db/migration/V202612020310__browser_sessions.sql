-- The viewer's signed-in browsers, listed beside the sync tokens (GET /users/sessions, /settings/sessions,
-- the CLI) so that any of them can end any other. A browser holds no token: its row is named by a random
-- id that only its HTTP session knows, and the viewer checks the row on each request, so ending it takes
-- effect on whichever node holds that session.
CREATE TABLE browser_sessions (
    id           VARCHAR(64)  PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_agent   VARCHAR(512),
    ip           VARCHAR(64),
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT       NOT NULL
);
CREATE INDEX browser_sessions_by_user ON browser_sessions (user_id);
