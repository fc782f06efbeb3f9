-- Two display preferences of the web viewer, neither secret: seconds after a copy before the dashboard
-- clears the clipboard (0: never), and whether codes stay hidden until clicked. A row may now set only
-- these, so the auto-lock delay may be absent (null: the server's default).
ALTER TABLE viewer_settings ALTER COLUMN auto_lock_seconds DROP NOT NULL;
ALTER TABLE viewer_settings ADD COLUMN clipboard_clear_seconds INT NOT NULL DEFAULT 0;
ALTER TABLE viewer_settings ADD COLUMN hide_codes BOOLEAN NOT NULL DEFAULT FALSE;
