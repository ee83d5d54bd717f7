-- Whether an entry's article page is fetched for its full text (as migrations/sqlite/0006).
ALTER TABLE feeds ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto' CHECK (full_text IN ('auto', 'always', 'never'));
