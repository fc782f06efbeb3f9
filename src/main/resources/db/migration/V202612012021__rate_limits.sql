-- Rate limits shared by every node (ratelimit.RateLimiter): one row per busy token bucket, holding the
-- time (epoch microseconds) at which the bucket is full again. A bucket with no row is full; rows of full
-- buckets are deleted as new ones arrive. The bucket name is the limit's name and a SHA-256 of its key.
CREATE TABLE rate_limits (
    bucket  VARCHAR(128) PRIMARY KEY,
    full_at BIGINT       NOT NULL
);
CREATE INDEX rate_limits_by_full_at ON rate_limits (full_at);

-- The client address (an IPv4 address, or an IPv6 /64) that asked for a code or opened an SRP exchange:
-- a code counts wrong tries, and can be used, only from the address it was sent for, and a finished
-- exchange gives its sign-in back to that address's bucket. Rows from before this migration have none.
ALTER TABLE email_codes ADD COLUMN client_key VARCHAR(100);
CREATE INDEX email_codes_by_email_and_client ON email_codes (email, client_key, expires_at);
ALTER TABLE srp_sessions ADD COLUMN client_key VARCHAR(100);
