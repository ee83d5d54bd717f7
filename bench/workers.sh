#!/usr/bin/env bash
# Several processes on one database (issue 7): the standard corpus (200 feeds x 50 items,
# ../shared/bench/gen_feed_corpus.py) served on loopback, two web nodes (`serve --no-crawl`) and
# three `newsdesk worker` processes sharing one SQLite file, or one PostgreSQL database. One
# worker is killed (SIGKILL) a second in, with polls under way. The script waits until every
# entry is stored, then checks: 10,000 articles from 10,000 distinct entries (0 duplicates,
# 0 lost), every feed polled, and both web nodes answering throughout.
# Usage: bench/workers.sh                      (SQLite)
#        bench/workers.sh postgres://USER:PASSWORD@HOST:PORT/postgres
#        (PostgreSQL: a database newsdesk_bench_workers is created afresh on that server)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/workers
rm -rf "$out" && mkdir -p "$out"
source bench/corpus.sh
pids=("$corpus_server")
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

server=${1:-}
if [ -n "$server" ]; then
  psql "$server" -qc "DROP DATABASE IF EXISTS newsdesk_bench_workers" -c "CREATE DATABASE newsdesk_bench_workers"
  export NEWSDESK_DATABASE_URL="${server%/*}/newsdesk_bench_workers"
else
  export NEWSDESK_DATABASE_URL="$out/shared.db"
fi
export NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS=true
export NEWSDESK_FETCH_PER_HOST_INTERVAL_MS=0
export NEWSDESK_FETCH_PER_HOST_CONCURRENCY=8
export NEWSDESK_CRAWL_CONCURRENCY=4
export NEWSDESK_CRAWL_LEASE_SECONDS=5
# Understanding on, as shipped: one worker at a time holds the understanding lease and
# places every article; if the killed worker held it, another takes over after 5 s.
export NEWSDESK_CRAWL_UNDERSTANDING_LEASE_SECONDS=5
"$bin" feeds import "$corpus/subscriptions.opml"

for web in 8201 8202; do
  "$bin" serve --no-crawl --listen "127.0.0.1:$web" >/dev/null 2>&1 &
  pids+=($!)
done
start=$(date +%s.%N)
workers=()
for w in 1 2 3; do
  NEWSDESK_LOG=warn "$bin" worker >"$out/worker-$w.log" 2>&1 &
  workers+=($!); pids+=($!)
done
sleep 1
kill -9 "${workers[0]}"
echo "killed worker 1 after 1 s"

python3 - "$NEWSDESK_DATABASE_URL" "$start" <<'PY'
import sqlite3, subprocess, sys, time, urllib.request
db, start = sys.argv[1], float(sys.argv[2])
def q(sql):
    if db.startswith("postgres"):
        return int(subprocess.run(["psql", db, "-Atc", sql], check=True, capture_output=True, text=True).stdout)
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()
def web_ok():
    ok = 0
    for port in (8201, 8202):
        for path in ("/readyz", "/api/v1/articles?limit=1", "/latest"):
            try:
                ok += urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).status == 200
            except Exception as e:
                print("web node", port, path, "failed:", e)
    return ok
checks = total = 0
stored_at = None
deadline = time.time() + 600
while time.time() < deadline:
    articles = q("SELECT count(*) FROM articles")
    unpolled = q("SELECT count(*) FROM feeds WHERE last_polled_at IS NULL")
    unplaced = q("SELECT count(*) FROM articles WHERE story_id IS NULL")
    total += 6; checks += web_ok()
    if stored_at is None and articles >= 10000 and unpolled == 0:
        stored_at = time.time() - start
    if stored_at is not None and unplaced == 0:
        break
    time.sleep(0.5)
wall = time.time() - start
articles, entries = q("SELECT count(*) FROM articles"), q("SELECT count(*) FROM entries")
distinct = q("SELECT count(*) FROM (SELECT DISTINCT feed_id, entry_key FROM entries) AS d")
linked = q("SELECT count(DISTINCT article_id) FROM entries")
polled = q("SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL")
leased = q("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL")
print("database:", "PostgreSQL" if db.startswith("postgres") else "SQLite")
print(f"stored {articles} articles from {entries} entries ({distinct} distinct, {linked} articles linked) in {stored_at:.1f} s")
stories = q("SELECT count(*) FROM stories WHERE merged_into IS NULL AND article_count > 0")
unplaced = q("SELECT count(*) FROM articles WHERE story_id IS NULL")
print(f"every article placed after {wall:.1f} s: {unplaced} unplaced, {stories} stories")
print(f"feeds polled: {polled}/200; still leased: {leased}; web nodes answered {checks}/{total} requests during the run")
assert articles == 10000 and entries == 10000 and distinct == 10000 and linked == 10000, "duplicates or losses"
assert polled == 200 and checks == total and unplaced == 0
print("0 duplicates, 0 lost")
PY
