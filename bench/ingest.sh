#!/usr/bin/env bash
# The standard ingest benchmark (issue 3): 200 RSS feeds x 50 items from
# ../shared/bench/gen_feed_corpus.py, served on 127.0.0.1 by a static server, imported with
# `newsdesk feeds import` into an empty database and stored with one `newsdesk crawl`.
# Prints entries/s, CPU-ms per entry and peak memory of newsdesk, then checks that every entry
# is stored and that the full-text index is complete. Usage: bench/ingest.sh
# With INGEST_BASE_DB=path/to/newsdesk.db the crawl starts from a copy of that database instead
# of an empty one (for example bench/web.sh's 100,000 articles: how ingestion holds as the
# store grows); the figures then count the new entries only.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/ingest
rm -rf "$out" && mkdir -p "$out"
source bench/corpus.sh
trap 'kill $corpus_server 2>/dev/null || true' EXIT

# Loopback is a private address: allow it, and do not space requests to the one host that
# serves all 200 feeds (a real crawl keeps the polite defaults).
export NEWSDESK_DATABASE_URL="$out/bench.db"
export NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS=true
export NEWSDESK_FETCH_PER_HOST_INTERVAL_MS=0
export NEWSDESK_FETCH_PER_HOST_CONCURRENCY=8
export NEWSDESK_CRAWL_CONCURRENCY=8

# Twice: as shipped (every new article is also understood: entities, keyphrases, copies,
# story), and with `crawl.understand = false` (feed ingestion alone, the issue 3 measure).
for understand in true false; do
echo "== crawl.understand = $understand"
rm -f "$out"/bench.db*
if [ -n "${INGEST_BASE_DB:-}" ]; then
  cp "$INGEST_BASE_DB" "$out/bench.db"
  for x in wal shm; do [ -f "$INGEST_BASE_DB-$x" ] && cp "$INGEST_BASE_DB-$x" "$out/bench.db-$x"; done
fi
export NEWSDESK_CRAWL_UNDERSTAND=$understand
# Opening applies any pending migration (an older base database): before the timed crawl.
"$bin" feeds import "$corpus/subscriptions.opml"
base=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(*[c.execute(q).fetchone()[0] for q in ("SELECT count(*) FROM articles", "SELECT count(*) FROM entries", "SELECT count(*) FROM articles WHERE story_id IS NOT NULL")])' "$out/bench.db")
/usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$bin" crawl | tee "$out/crawl.txt"
read -r wall user sys peak_kib < "$out/time.txt"

python3 - "$out/bench.db" "$wall" "$user" "$sys" "$peak_kib" "$understand" $base <<'PY'
import sqlite3, sys
db, wall, user, sys_, peak = sys.argv[1], *map(float, sys.argv[2:6])
understand = sys.argv[6] == "true"
base_articles, base_entries, base_placed = map(int, sys.argv[7:10])
con = sqlite3.connect(db)
n = con.execute("SELECT count(*) FROM articles").fetchone()[0] - base_articles
entries = con.execute("SELECT count(*) FROM entries").fetchone()[0] - base_entries
if base_articles:
    print(f"base database: {base_articles} articles, {base_placed} of them in stories")
con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
found = con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lorem OR ipsum OR dolor OR council OR market'").fetchone()[0]
print(f"stored: {n} articles from {entries} entries; full-text index intact; a 5-word OR query matches {found}")
print(f"ingest: {n / wall:,.0f} entries/s ({wall:.2f} s wall)")
print(f"cpu: {1000 * (user + sys_) / n:.3f} CPU-ms per entry ({user:.2f} s user + {sys_:.2f} s system)")
print(f"peak memory: {peak / 1024:.0f} MiB")
assert n == 10000 and entries == 10000, "every entry stored once"
placed = con.execute("SELECT count(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0] - base_placed
stories = con.execute("SELECT count(*) FROM stories WHERE merged_into IS NULL AND article_count > 0").fetchone()[0]
print(f"understood: {placed} articles in {stories} stories")
assert placed == (n if understand else 0), "every article placed exactly when understanding is on"
PY
done
