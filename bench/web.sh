#!/usr/bin/env bash
# The site under load (issue 6): wrk on loopback against `newsdesk serve` over 100,000 stored
# articles (bench/gen_stream.py: events told by several outlets, their own vocabularies), with
# nginx serving the same article page as a static file in the same run as the anchor; then
# 10,000 distinct article pages in turn (past the page cache), beside nginx serving the same
# 10,000 pages as files.
# Measures an article page, the front page, a story's and an entity's page, the API's top
# stories, a search for an event's word (a few matches) and a search for a common word (tens
# of thousands of matches). Needs wrk and nginx (Debian packages).
# Usage: bench/web.sh [N [DATABASE]]
#   DATABASE: serve from this database instead of the SQLite file, for example the PostgreSQL
#   copy bench/migrate_to.sh makes of it (postgres://.../newsdesk_bench_migrate).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
out=bench/out/web
mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
bin=$PWD/target/release/newsdesk
db="$out/web-$n.db"
if [ ! -f "$db" ]; then
  python3 bench/gen_stream.py "$n" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(json.dumps({"title": a["title"], "body_text": a["text"].replace(". ", ".\n", 3),
                      "published_at": a["published"], "original_domain": a["source"], "language": "en"}))
' > "$out/articles.jsonl"
  "$bin" --database "$db.tmp" import "$out/articles.jsonl" >/dev/null
  mv "$db.tmp" "$db"; for x in wal shm; do [ -f "$db.tmp-$x" ] && mv "$db.tmp-$x" "$db-$x"; done
fi
port=8191; static_port=8192
NEWSDESK_DATABASE_URL="${2:-$db}" NEWSDESK_LOG=warn "$bin" serve --no-crawl --listen "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ -f "$out/nginx.pid" ] && kill "$(cat "$out/nginx.pid")" 2>/dev/null || true' EXIT
# (Up to two minutes: opening a database of an older schema applies its migrations first.)
up=
for _ in $(seq 1200); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && { up=1; break; }; sleep 0.1; done
[ -n "$up" ] || { echo "bench/web.sh: the server did not answer on port $port within two minutes" >&2; exit 1; }

# One article from the middle of the stream, and two search words taken from the data.
read -r article rare common < <(python3 - "$db" <<'PY'
import sqlite3, sys, collections
con = sqlite3.connect(sys.argv[1])
total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
aid, title = con.execute("SELECT id, title FROM articles ORDER BY sort_at LIMIT 1 OFFSET ?", (total // 2,)).fetchone()
rare = title.split()[2].lower()          # an event's topic word
# The word found in the most of 500 sampled articles (at least four letters, so not a filler).
df = collections.Counter()
for (body,) in con.execute("SELECT body_text FROM articles ORDER BY random() LIMIT 500"):
    df.update({w for w in body.lower().replace(".", " ").split() if len(w) >= 4 and w.isalpha()})
common = df.most_common(1)[0][0]
print(aid, rare, common)
PY
)
mkdir -p "$out/static"
curl -sf "http://127.0.0.1:$port/articles/$article" > "$out/static/article.html"
source bench/nginx.sh
start_nginx
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$static_port/article.html" && break; sleep 0.1; done
# 10,000 distinct article pages, for the uncached runs: the page cache keeps at most 2,048
# pages for two seconds and empties when full, so cycling through 10,000 renders nearly every
# page. nginx serves the same 10,000 pages, saved as files, in the same run.
python3 - "$db" "$out" "http://127.0.0.1:$port" <<'PY'
import os, sqlite3, sys, urllib.request
db, out, base = sys.argv[1:]
ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles ORDER BY random() LIMIT 10000")]
os.makedirs(f"{out}/static/articles", exist_ok=True)
with open(f"{out}/paths.txt", "w") as paths:
    for i in ids:
        page = urllib.request.urlopen(f"{base}/articles/{i}").read()
        open(f"{out}/static/articles/{i}", "wb").write(page)
        paths.write(f"/articles/{i}\n")
PY
export WRK_PATHS="$PWD/$out/paths.txt"
matches() { curl -sf "http://127.0.0.1:$port/search?q=$1" | grep -o '[0-9,]* results\?\|Very many articles match' | head -1; }
echo "articles: $n; article $article ($(wc -c < "$out/static/article.html") bytes); search '$rare': $(matches "$rare"); '$common': $(matches "$common")"

run() {  # name url
  wrk -t2 -c"${wrk_c:-32}" -d15s --latency ${wrk_script:+-s "$wrk_script"} "$2" > "$out/$1.txt"
  python3 bench/wrk_line.py "$1" "$out/$1.txt"
}
run nginx-static "http://127.0.0.1:$static_port/article.html"
run article-page "http://127.0.0.1:$port/articles/$article"
wrk_script=bench/web_paths.lua run nginx-10k-files "http://127.0.0.1:$static_port"
wrk_script=bench/web_paths.lua run articles-10k-uncached "http://127.0.0.1:$port"
# The front page, the largest story's page and the most named entity's page (each kept for two
# seconds, like an article page), and the top stories through the API (ranked and read on
# every request).
read -r big_story top_entity < <(python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
story = con.execute("SELECT id FROM stories WHERE merged_into IS NULL ORDER BY article_count DESC LIMIT 1").fetchone()[0]
kind, key = con.execute("SELECT e.kind, e.key FROM entities e ORDER BY (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) DESC LIMIT 1").fetchone()
print(story, f"{kind}/{key.replace(' ', '%20')}")
PY
)
run front-page "http://127.0.0.1:$port/"
run story-page "http://127.0.0.1:$port/stories/$big_story"
run entity-page "http://127.0.0.1:$port/entities/$top_entity"
run api-top-stories "http://127.0.0.1:$port/api/v1/stories"
run search-rare "http://127.0.0.1:$port/search?q=$rare"
run search-common "http://127.0.0.1:$port/search?q=$common"
# Search at a lighter load (4 connections instead of 32): the latency of one search, with less
# queueing behind other searches on two cores.
wrk_c=4 run search-rare-c4 "http://127.0.0.1:$port/search?q=$rare"
wrk_c=4 run search-common-c4 "http://127.0.0.1:$port/search?q=$common"
