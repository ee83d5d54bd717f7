#!/usr/bin/env bash
# Story clustering quality (issue 5): ../shared/eval/clustering/basil.jsonl (300 articles,
# 100 events, 3 outlets) fed to `newsdesk analyze` in date order (ties in file order), the
# story of each article scored by the set's score.py (pairwise and B-cubed F1), and the copy
# flags checked: none may join articles of different outlets.
# Usage: bench/clustering.sh
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval/clustering
out=bench/out/clustering
mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
python3 - "$eval_dir/basil.jsonl" "$out/input.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
order = sorted(range(len(rows)), key=lambda i: (rows[i]["date"], i))
with open(sys.argv[2], "w") as out:
    for i in order:
        r = rows[i]
        out.write(json.dumps({"id": r["id"], "title": r["title"], "text": "\n".join(r["paragraphs"][1:]),
                              "published": r["date"], "source": r["source"]}) + "\n")
PY
target/release/newsdesk analyze --input "$out/input.jsonl" > "$out/analyzed.jsonl"
# Stories merged later relabel the articles that named them earlier.
python3 - "$out/analyzed.jsonl" "$out/predictions.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
parent = {}
def find(s):
    while parent.get(s, s) != s:
        s = parent[s]
    return s
for d in rows:
    for m in d.get("merged_stories", []):
        parent[find(m)] = find(d["story"])
with open(sys.argv[2], "w") as f:
    for d in rows:
        f.write(json.dumps({"id": d["id"], "cluster": find(d["story"])}) + "\n")
print(f"story merges: {sum(len(d.get('merged_stories', [])) for d in rows)}")
PY
python3 "$eval_dir/score.py" "$out/predictions.jsonl"
# Independent reporting is not copying: no article may be flagged as a copy of another outlet's.
python3 - "$out/analyzed.jsonl" "$out/input.jsonl" <<'PY'
import json, sys
source = {json.loads(l)["id"]: json.loads(l)["source"] for l in open(sys.argv[2])}
flags = [json.loads(l) for l in open(sys.argv[1])]
flags = [(d["id"], d["copy_of"]) for d in flags if d.get("copy_of")]
cross = [(a, b) for a, b in flags if source[a] != source[b]]
print(f"copy flags: {len(flags)} in all, {len(cross)} across outlets (must be 0)")
PY
