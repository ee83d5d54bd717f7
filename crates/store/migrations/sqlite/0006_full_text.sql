-- Whether an entry's article page is fetched for its full text: 'auto' when the feed's content
-- looks partial, 'always', or 'never'. Operators set it per feed (`newsdesk feeds full-text`).
ALTER TABLE feeds ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto' CHECK (full_text IN ('auto', 'always', 'never'));
