#!/usr/bin/env bash
# Instructions a page: the server (`newsdesk serve`, one worker thread) under callgrind, asked
# for 1,000 distinct article pages in turn over one keep-alive connection after 300 others
# have warmed it; the count is the server's user-space instructions over the 1,000, divided
# by 1,000. Unlike req/s on this shared machine (the same binary gave 14,000 and 24,000 req/s
# minutes apart), the count moves by under 0.2% from run to run, so a change of a few percent
# can be judged. It leaves out the kernel's share (socket reads and writes, scheduling), and
# the SHA-256 of the form token counts as the portable code (valgrind hides the CPU's SHA
# instructions from the crate's feature detection): about 17k instructions a page that the
# real server does not spend.
# Needs valgrind and the database and URL list bench/web.sh makes (run it first).
# Usage: bench/web_instructions.sh [NEWSDESK_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/web
db=$out/web-100000.db
[ -f "$db" ] && [ -f "$out/paths.txt" ] || { echo "run bench/web.sh first (it makes $db and $out/paths.txt)" >&2; exit 1; }
if [ -n "${1:-}" ]; then bin=$1; else cargo build --release --locked -q -p newsdesk-cli; bin=target/release/newsdesk; fi
port=8391
cg=$out/callgrind.out
rm -f "$cg" "$cg".*
NEWSDESK_DATABASE_URL="$db" NEWSDESK_LOG=warn TOKIO_WORKER_THREADS=1 \
  valgrind --tool=callgrind --callgrind-out-file="$cg" "$bin" serve --no-crawl --listen "127.0.0.1:$port" \
  >/dev/null 2>"$out/callgrind.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
ask() {  # FIRST LAST: asks for the article pages of paths.txt from line FIRST to LAST
  python3 - "$port" "$1" "$2" "$out/paths.txt" <<'PY'
import http.client, sys
port, first, last, paths = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection("127.0.0.1", port)
for path in [l.strip() for l in open(paths)][first:last]:
    c.request("GET", path)
    r = c.getresponse()
    r.read()
    assert r.status == 200, (path, r.status)
PY
}
ask 5000 5300
callgrind_control --zero "$server" >/dev/null 2>&1
ask 0 1000
callgrind_control --dump=measured "$server" >/dev/null 2>&1
kill "$server"; wait "$server" 2>/dev/null || true
total=$(callgrind_annotate "$cg.1" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "article page, uncached, through the server: $((total / 1000)) instructions a page (callgrind, $cg.1)"
