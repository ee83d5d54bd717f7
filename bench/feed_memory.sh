#!/usr/bin/env bash
# Memory of parsing one large feed (issue 15, item 3): `newsdesk feeds add` and then `newsdesk
# crawl` (which stores what it keeps) of a generated RSS feed of 200,000 short items (about
# 11 MB, under the 16 MB body cap), served on loopback, against the same commands on a feed of
# one item (the process baseline). Prints the peak resident memory of each and the
# difference, which must stay within 64 MiB.
# Usage: bench/feed_memory.sh [NEWSDESK_BIN [ANCHOR_BIN]]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then bin=$1; else
  cargo build --release --locked -q -p newsdesk-cli
  bin=$PWD/target/release/newsdesk
fi
anchor=${2:-}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
out = sys.argv[1]
def feed(n):
    items = "".join(f"<item><title>Tide {i}</title><link>/t/{i}</link></item>\n" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tides</title><link>https://harbour.example/</link>{items}</channel></rss>'
open(f"{out}/big.xml", "w").write(feed(200_000))
open(f"{out}/one.xml", "w").write(feed(1))
PY
(cd "$work" && exec python3 -u -m http.server 0 --bind 127.0.0.1 > server.log 2>&1) &
server=$!
for _ in $(seq 50); do grep -q "port" "$work/server.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/server.log" | head -1)
echo "big feed: $(du -h "$work/big.xml" | cut -f1) ($(stat -c %s "$work/big.xml") bytes), 200,000 items"
peak() {  # binary feed command... -> peak RSS in KiB of the command, after `feeds add` when it is crawl
  local bin=$1 feed=$2; shift 2
  local db="$work/$RANDOM$RANDOM.db"
  export NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS=true NEWSDESK_CRAWL_FULL_TEXT=false NEWSDESK_CRAWL_UNDERSTAND=false
  if [ "$1" = crawl ]; then "$bin" --database "$db" feeds add "http://127.0.0.1:$port/$feed" > /dev/null 2>&1 || true; fi
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" --database "$db" "$@" > "$work/out" 2>&1 || true
  tail -1 "$work/rss"
}
report() {  # label binary command
  local label=$1 bin=$2; shift 2
  local base big
  if [ "$1" = crawl ]; then base=$(peak "$bin" one.xml crawl); big=$(peak "$bin" big.xml crawl)
  else base=$(peak "$bin" one.xml feeds add "http://127.0.0.1:$port/one.xml"); big=$(peak "$bin" big.xml feeds add "http://127.0.0.1:$port/big.xml"); fi
  grep -q "larger than" "$work/out" && echo "  (refused as too large: $(head -c 200 "$work/out"))"
  printf '%-8s %-9s baseline %6.1f MiB, 200,000 items %6.1f MiB, above baseline %6.1f MiB\n' "$label" "$*" \
    "$(echo "$base/1024" | bc -l)" "$(echo "$big/1024" | bc -l)" "$(echo "($big-$base)/1024" | bc -l)"
}
for command in "feeds add" crawl; do
  # shellcheck disable=SC2086
  report newsdesk "$bin" $command
  # shellcheck disable=SC2086
  [ -z "$anchor" ] || report anchor "$anchor" $command
done
