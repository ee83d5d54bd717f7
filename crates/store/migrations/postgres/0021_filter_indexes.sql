-- An outlet's page and search's `source:` and `lang:` filters find their articles through
-- these indexes instead of reading every article: the articles that name an original outlet
-- (few; feed articles name none), and every article by its language, lowercase as the
-- filter compares it.
-- Append-only: never edit once shipped.
CREATE INDEX articles_by_original_domain ON articles (original_domain, sort_at DESC)
    WHERE original_domain IS NOT NULL;
-- In byte order ("C"), as the filter's range compares: other collations may ignore the '-'.
CREATE INDEX articles_by_language ON articles ((lower(language) COLLATE "C"), sort_at DESC);
