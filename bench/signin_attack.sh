#!/usr/bin/env bash
# Sign-in guessing against `newsdesk serve` on loopback (issue 18): bench/signin_attack.py runs
# three attacks at once (one address, one account from ever-new addresses, ever-new names from
# one address) while reading an article page, and reports the guesses checked per minute and
# the page's latency alone and during the attack. Bounded: loopback only, DURATION seconds
# (at most 300), 4 connections per attack.
# Usage: bench/signin_attack.sh [DURATION [BIN]]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60}
if [ "$duration" -gt 300 ]; then echo "at most 300 seconds" >&2; exit 2; fi
out=bench/out/signin
rm -rf "$out" && mkdir -p "$out"
if [ -n "${2:-}" ]; then bin=$2; else
  cargo build --release --locked -q -p newsdesk-cli
  bin=$PWD/target/release/newsdesk
fi
export NEWSDESK_DATABASE_URL="$out/signin.db"
# A small site to read: 500 articles of the synthetic stream.
python3 bench/gen_stream.py 500 | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(json.dumps({"title": a["title"], "body_text": a["text"], "published_at": a["published"],
                      "original_domain": a["source"], "language": "en"}))
' > "$out/articles.jsonl"
"$bin" import "$out/articles.jsonl" >/dev/null
echo "harbour lights 42" | "$bin" admin create-user editor >/dev/null
echo "another long pass 7" | "$bin" admin create-user writer >/dev/null
article=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM articles LIMIT 1 OFFSET 250").fetchone()[0])' "$NEWSDESK_DATABASE_URL")
port=8193
# 127.0.0.1 is trusted as a proxy, so the attack can speak for many addresses.
NEWSDESK_WEB_TRUSTED_PROXIES=127.0.0.1 NEWSDESK_LOG=error "$bin" serve --no-crawl --listen "127.0.0.1:$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
python3 bench/signin_attack.py "$port" "/articles/$article" "$duration" 10 4 "$NEWSDESK_DATABASE_URL" | tee "$out/result.txt"
