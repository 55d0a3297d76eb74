-- The per-person write limit, shared by every node on the database (README "Input limits"): one token bucket a
-- person, refilled continuously; tokens left and when they were counted (epoch milliseconds of the counting node).
CREATE TABLE IF NOT EXISTS tf_write_bucket (
    username VARCHAR(200) PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    counted_at BIGINT NOT NULL);
