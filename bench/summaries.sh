#!/usr/bin/env bash
# Summary quality and speed (issue 5): ../shared/eval/summaries (1,149 CNN/DailyMail articles
# with human highlights) through `newsdesk analyze`, scored by the set's score.py (ROUGE with
# LEAD-3 computed in the same run). Needs `pip install rouge-score`. Usage: bench/summaries.sh
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval/summaries
out=bench/out/summaries
mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
python3 -c "import rouge_score" 2>/dev/null || pip install -q rouge-score
# The set is lowercased and tokenized (`` '' -lrb- n't " ." "( cnn )"): it is turned back into
# plain text here, so that newsdesk reads it as it reads any article. (Case cannot be restored.)
python3 - "$eval_dir/dev.jsonl" "$out/input.jsonl" <<'PY'
import json, re, sys

def detokenize(t):
    t = t.replace("-lrb-", "(").replace("-rrb-", ")").replace("-lsb-", "[").replace("-rsb-", "]")
    t = t.replace("-lcb-", "{").replace("-rcb-", "}")
    t = re.sub(r"``\s*", "\u201c", t)
    t = re.sub(r"\s*''", "\u201d", t)
    t = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", t)
    t = re.sub(r"([(\[{$])\s+", r"\1", t)
    t = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", t)
    t = re.sub(r"\s+--\s+", " -- ", t)
    return t.strip()

with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        d = json.loads(line)
        out.write(json.dumps({"id": d["id"], "text": detokenize(d["article"])}) + "\n")
PY
# Speed of summarizing: the same input 20 times over (22,980 articles), one process pinned
# to one core, `--only summary`.
for _ in $(seq 20); do cat "$out/input.jsonl"; done > "$out/input-x20.jsonl"
/usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" taskset -c 0 target/release/newsdesk analyze --only summary --input "$out/input-x20.jsonl" > /dev/null
read -r wall user sys peak < "$out/time.txt"
n=$(wc -l < "$out/input-x20.jsonl")
python3 -c "print(f'speed: {$n / $wall:,.0f} articles/s on one core ({$n} articles, {$wall} s, peak {$peak / 1024:.0f} MiB)')"
target/release/newsdesk analyze --input "$out/input.jsonl" > "$out/analyzed.jsonl"
python3 - "$out/analyzed.jsonl" "$out/predictions.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        d = json.loads(line)
        out.write(json.dumps({"id": d["id"], "summary": "\n".join(d["summary_sentences"])}) + "\n")
PY
python3 "$eval_dir/score.py" "$out/predictions.jsonl"
