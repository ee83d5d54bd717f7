-- A story's counts, times and lead are read from this index alone: every column the story
-- refresh reads is in it, so a story of thousands of articles is brought up to date without
-- reading its articles' rows (and, in SQLite, the overflow pages of their text).
-- Append-only: never edit once shipped.
DROP INDEX articles_by_story;
CREATE INDEX articles_by_story ON articles (story_id, sort_at, copy_of, source_id, original_domain, id);
