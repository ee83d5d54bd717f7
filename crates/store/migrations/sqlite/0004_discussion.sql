-- The discussion under every article, the site's administrators, and the site's secrets.
-- Append-only: never edit once shipped.

-- A reader's comment. The email is stored for moderation and to recognise returning
-- commenters, and never shown. `ip_key` is a keyed hash of the sender's address, for rate
-- limits: the address itself is not stored.
CREATE TABLE comments (
    id           TEXT PRIMARY KEY NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    TEXT REFERENCES comments(id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
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
CREATE INDEX comments_by_email ON comments (author_email COLLATE NOCASE, status);
CREATE INDEX comments_by_ip ON comments (ip_key, created_at);

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    username      TEXT NOT NULL UNIQUE,
    -- argon2id, PHC string format.
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Signed-in sessions. Only a SHA-256 of the session token is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Keys the web nodes share (form tokens, address hashing), made once on first use.
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
