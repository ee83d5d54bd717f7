-- Comments, administrators, sessions and site secrets (as migrations/sqlite/0004).
CREATE TABLE comments (
    id           TEXT PRIMARY KEY NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    TEXT REFERENCES comments(id) ON DELETE CASCADE,
    depth        BIGINT NOT NULL DEFAULT 0 CHECK (depth >= 0),
    author_name  TEXT NOT NULL,
    author_email TEXT NOT NULL,
    author_url   TEXT,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam')),
    ip_key       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    moderated_at TEXT
);

CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at);
-- SQLite: COLLATE NOCASE; emails are looked up by lower(author_email) here.
CREATE INDEX comments_by_email ON comments (lower(author_email), status);
CREATE INDEX comments_by_ip ON comments (ip_key, created_at);

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
