-- API tokens for /api/v1/admin: only the SHA-256 of each token is kept; the token itself is
-- shown once, by `newsdesk admin create-token NAME`.
CREATE TABLE api_tokens (
    name       TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
