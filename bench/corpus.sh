# Sourced by the benchmarks that crawl the standard corpus (ingest.sh, workers.sh): generates
# ../shared/bench/gen_feed_corpus.py's 200 feeds x 50 items once into bench/out/corpus, builds
# the release binary ($bin, unless NEWSDESK_BIN names one), and serves the corpus on 127.0.0.1:$port in the background
# ($corpus_server is its pid; the caller kills it on exit).
corpus=bench/out/corpus
port=8088
gen=../shared/bench/gen_feed_corpus.py
[ -f "$corpus/subscriptions.opml" ] || python3 "$gen" "$corpus" --base-url "http://127.0.0.1:$port" >/dev/null
# NEWSDESK_BIN runs another build (CI runs bench/workers.sh on its debug build as a check).
if [ -n "${NEWSDESK_BIN:-}" ]; then
  bin=$NEWSDESK_BIN
else
  cargo build --release --locked -q -p newsdesk-cli
  bin=$PWD/target/release/newsdesk
fi
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$corpus" >/dev/null 2>&1 &
corpus_server=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/subscriptions.opml" && break; sleep 0.1; done
