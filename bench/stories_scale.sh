#!/usr/bin/env bash
# Understanding at scale (issue 5): N generated articles (default 1,000,000; bench/gen_stream.py)
# streamed through `newsdesk analyze` (language, summary, entities, keyphrases, copies, story),
# reporting wall time, articles/s and newsdesk's peak memory. Usage: bench/stories_scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
out=bench/out/scale
mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
# Generated first, so that the timing is newsdesk's, not the generator's.
[ -f "$out/input-$n.jsonl" ] || python3 bench/gen_stream.py "$n" > "$out/input-$n.jsonl"
start=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" target/release/newsdesk analyze --input "$out/input-$n.jsonl" > "$out/analyzed.jsonl"
end=$(date +%s.%N)
read -r wall user sys peak < "$out/time.txt"
python3 - "$out/analyzed.jsonl" "$n" "$start" "$end" "$user" "$sys" "$peak" <<'PY'
import json, sys
path, n, start, end, user, sys_, peak = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
lines = copies = 0
stories = set()
for line in open(path):
    d = json.loads(line); lines += 1
    copies += d.get("copy_of") is not None
    stories.add(d["story"])
wall = end - start
print(f"articles: {lines} (of {n}); stories: {len(stories)}; copies flagged: {copies}")
print(f"wall: {wall:.0f} s ({lines / wall:,.0f} articles/s); newsdesk CPU {user + sys_:.0f} s; peak memory {peak / 1024:.0f} MiB")
PY
