#!/usr/bin/env bash
# The image proxy (issue 16): wrk on loopback against a cached image served by `newsdesk serve`
# through its signed `/img/...` address, beside nginx serving the same file in the same run.
# The image is 48 KiB starting with JPEG's magic bytes (the proxy checks the type by them);
# nginx is also the outlet the proxy fetches it from, once. Needs wrk and nginx.
# Usage: bench/image_proxy.sh [NEWSDESK_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/image_proxy
rm -rf "$out" && mkdir -p "$out/static"
if [ -n "${1:-}" ]; then bin=$1; else cargo build --release --locked -q -p newsdesk-cli; bin=$PWD/target/release/newsdesk; fi
port=8193; static_port=8194
python3 -c 'import os, sys; sys.stdout.buffer.write(b"\xff\xd8\xff\xe0" + os.urandom(48 * 1024 - 4))' > "$out/static/lead.jpg"
source bench/nginx.sh
start_nginx
trap 'kill ${server:-0} 2>/dev/null || true; kill "$(cat "$out/nginx.pid")" 2>/dev/null || true' EXIT
printf '{"id": "0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55", "title": "Ferry terminal opens", "body_text": "The terminal opens on Monday.", "image_url": "http://127.0.0.1:%s/lead.jpg"}\n' "$static_port" > "$out/article.jsonl"
export NEWSDESK_DATABASE_URL="$out/bench.db" NEWSDESK_LOG=warn
"$bin" import "$out/article.jsonl" >/dev/null
# The outlet is on loopback here: a private address, which the proxy refuses by default.
NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS=true "$bin" serve --no-crawl --listen "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
path=$(curl -sf "http://127.0.0.1:$port/articles/0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55" \
  | sed 's/&#x2f;/\//g; s/&amp;/\&/g' | grep -o '/img/[0-9a-f]*?u=[^"]*' | head -1)
[ -n "$path" ] || { echo "the article page names no proxied image" >&2; exit 1; }
cmp <(curl -sf "http://127.0.0.1:$port$path") "$out/static/lead.jpg" && echo "the proxy serves the outlet's bytes: $path"
run() {  # name url
  wrk -t2 -c32 -d15s --latency "$2" > "$out/$1.txt"
  python3 bench/wrk_line.py "$1" "$out/$1.txt"
}
run nginx-image-file "http://127.0.0.1:$static_port/lead.jpg"
run proxy-cached-image "http://127.0.0.1:$port$path"
