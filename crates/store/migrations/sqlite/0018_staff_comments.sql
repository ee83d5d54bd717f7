-- A comment a signed-in moderator wrote from the site: published at once and marked as staff.
ALTER TABLE comments ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;
