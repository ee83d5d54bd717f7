-- Search in scripts written without spaces between words (Chinese, Japanese, Thai, ...), and in
-- Korean, whose words take their particles without a space:
-- the English configuration's parser takes a run of such characters for one word, so no word
-- inside it could be found. `unspaced` holds those characters one by one, separated by
-- spaces (newsdesk_model's `unspaced_terms`, written with every article), indexed on its own
-- with the 'simple' configuration (no stemming, no stop words) for the articles that have
-- any; a search for such a word asks for its characters as a phrase. NULL: not written yet.
-- Existing articles without such characters get '' (the column's default: no row is
-- rewritten for it); those whose title or summary holds some are left NULL here, and the
-- store fills them when it opens.
-- Append-only: never edit once shipped.
ALTER TABLE articles ADD COLUMN unspaced TEXT DEFAULT '';
UPDATE articles SET unspaced = NULL
WHERE title ~ '[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f\uff66-\uff9f\uac00-\ud7a3]' OR summary ~ '[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f\uff66-\uff9f\uac00-\ud7a3]';
CREATE INDEX articles_unspaced_pending ON articles (seq) WHERE unspaced IS NULL;
CREATE INDEX articles_unspaced_search ON articles USING GIN (to_tsvector('simple', unspaced)) WHERE unspaced <> '';
