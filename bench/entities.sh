#!/usr/bin/env bash
# Entities on the development set of bench/entities/ (issue 17): 558 paragraphs written for
# newsdesk in English, German, French, Spanish, Russian, Portuguese, Italian and Polish, each with its people, organisations and
# places. Prints precision, recall and F1 per kind and per language.
# Usage: bench/entities.sh [NEWSDESK_BIN] [--show]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ] && [ "$1" != "--show" ]; then bin=$1; shift; else
  cargo build --release --locked -q -p newsdesk-cli
  bin=$PWD/target/release/newsdesk
fi
python3 bench/entities/score.py "$bin" "$@"
