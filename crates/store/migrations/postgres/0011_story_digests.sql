-- A story's title and summary are drawn from all its articles (the digest) once it has two;
-- this is how many articles it had then, so that it is drawn again as the story grows.
-- 0: never drawn, the lead article's title and summary stand.
ALTER TABLE stories ADD COLUMN digest_count BIGINT NOT NULL DEFAULT 0;
