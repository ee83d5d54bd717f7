-- A feed being polled is leased to one process (as migrations/sqlite/0008); claims take
-- rows with FOR UPDATE SKIP LOCKED here.
ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
ALTER TABLE feeds ADD COLUMN lease_until TEXT;
