-- A feed being polled is leased to one crawling process (a `newsdesk worker`, `crawl` or
-- `serve`) until lease_until; another process takes it only after that, so a feed is never
-- polled twice at once and a killed process's feeds are polled again once its leases end.
ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
ALTER TABLE feeds ADD COLUMN lease_until TEXT;
