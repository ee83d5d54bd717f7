-- A comment form's token is good for one comment: the hash of each token that carried one,
-- kept while the token could still be valid.
CREATE TABLE spent_form_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    spent_at   TEXT NOT NULL
);

CREATE INDEX spent_form_tokens_by_time ON spent_form_tokens (spent_at);
