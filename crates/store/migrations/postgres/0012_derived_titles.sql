-- An entry without a title (a microblog post; RSS 2.0 asks for a title or a description) is
-- stored with a title made from its first words, marked so that pages and feeds show it as such.
ALTER TABLE articles ADD COLUMN title_derived BOOLEAN NOT NULL DEFAULT FALSE;
