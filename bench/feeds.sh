#!/usr/bin/env bash
# Feed conformance (issue 15): feedparser's test feeds (../shared/eval/feeds) served on
# loopback, followed by `newsdesk feeds add` one by one into fresh databases, and what was
# stored compared with the set's checks. Prints met, failed and not applicable by folder,
# parsing and sanitizing apart, the files that crashed or timed out, and each failure.
# Usage: bench/feeds.sh [NEWSDESK_BIN] [--show]   (--show: sanitizing failures and messages too)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ] && [ "$1" != "--show" ]; then bin=$1; shift; else
  cargo build --release --locked -q -p newsdesk-cli
  bin=$PWD/target/release/newsdesk
fi
python3 bench/feeds.py "$bin" ../shared/eval/feeds "$@"
