-- Failed sign-ins, by the sender's address (keyed hash) and by the account named, so that every
-- web node limits guessing alike; kept an hour.
CREATE TABLE sign_in_failures (
    key       TEXT NOT NULL,
    failed_at TEXT NOT NULL
);

CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, failed_at);
