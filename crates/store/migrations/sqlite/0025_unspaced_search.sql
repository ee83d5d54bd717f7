-- Search in scripts written without spaces between words (Chinese, Japanese, Thai, ...), and in
-- Korean, whose words take their particles without a space:
-- FTS5's tokenizer takes a run of such characters for one word, so no word inside it could be
-- found. `unspaced` holds those characters one by one, separated by spaces (newsdesk_model's
-- `unspaced_terms` of the title, summary and text, written with every article), in an index
-- of its own; a search for such a word asks it for the word's characters as a phrase.
-- NULL: not written yet. Existing articles without such characters get '' (the column's
-- default); those whose title or summary holds some are left NULL here (their text is not
-- read: on 100,000 articles reading it took most of 15 s), and the store fills them when it
-- opens (an index lists them).
-- Append-only: never edit once shipped.
ALTER TABLE articles ADD COLUMN unspaced TEXT DEFAULT '';
UPDATE articles SET unspaced = NULL
WHERE title GLOB '*[぀-ヿㇰ-ㇿ㐀-䶿一-鿿豈-﫿𠀀-𯨟฀-໿ក-៿က-႟ｦ-ﾟ가-힣]*' OR summary GLOB '*[぀-ヿㇰ-ㇿ㐀-䶿一-鿿豈-﫿𠀀-𯨟฀-໿ក-៿က-႟ｦ-ﾟ가-힣]*';
CREATE INDEX articles_unspaced_pending ON articles (seq) WHERE unspaced IS NULL;

CREATE VIRTUAL TABLE articles_unspaced_fts USING fts5 (
    unspaced,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Every article is in it (most with nothing to index), as its content table wants: FTS5's
-- checks and 'rebuild' read every row. Nothing is written yet: '' for each.
INSERT INTO articles_unspaced_fts (rowid, unspaced) SELECT seq, '' FROM articles;

CREATE TRIGGER articles_unspaced_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_unspaced_fts (rowid, unspaced) VALUES (new.seq, new.unspaced);
END;

CREATE TRIGGER articles_unspaced_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_unspaced_fts (articles_unspaced_fts, rowid, unspaced) VALUES ('delete', old.seq, old.unspaced);
END;

CREATE TRIGGER articles_unspaced_fts_update AFTER UPDATE OF unspaced ON articles
WHEN old.unspaced IS NOT new.unspaced
BEGIN
    INSERT INTO articles_unspaced_fts (articles_unspaced_fts, rowid, unspaced) VALUES ('delete', old.seq, old.unspaced);
    INSERT INTO articles_unspaced_fts (rowid, unspaced) VALUES (new.seq, new.unspaced);
END;
