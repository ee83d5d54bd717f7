#!/usr/bin/env bash
# Story quality (issue 13): the three sets of ../shared/eval/clustering (basil, allsides-dev,
# itn-dev) through `newsdesk analyze` in date order, scored by the set's score.py (pairwise and
# B-cubed F1), copy flags checked (none may join articles of different outlets); then the
# story summaries of allsides-dev against its human roundups, beside LEAD-3 in the same run.
# Needs `pip install rouge-score`. Usage: bench/clustering.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p newsdesk-cli
python3 -c "import rouge_score" 2>/dev/null || pip install -q rouge-score
python3 bench/clustering.py --stories
python3 bench/story_summaries.py
