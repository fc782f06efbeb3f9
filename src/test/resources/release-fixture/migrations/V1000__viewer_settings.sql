-- The web viewer's per-account preferences. Numbered far above the sync schema so that the two features'
-- migrations never collide. Not secret: how long an idle dashboard stays open.
CREATE TABLE viewer_settings (
    user_id           BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    auto_lock_seconds INT    NOT NULL
);
