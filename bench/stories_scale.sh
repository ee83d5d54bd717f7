#!/usr/bin/env bash
# Understanding at scale (issue 5): N generated articles (default 1,000,000; bench/gen_stream.py)
# streamed through `newsdesk analyze` (language, summary, entities, keyphrases, copies, story),
# reporting wall time, articles/s, newsdesk's peak memory, and the stories scored against the
# generated events. Usage: bench/stories_scale.sh [N]
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
python3 - "$out/analyzed.jsonl" "$n" "$start" "$end" "$user" "$sys" "$peak" "$out/input-$n.jsonl" <<'PY'
import collections, json, sys
path, n, start, end, user, sys_, peak = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:8])
# The generated event of each article, read back from its headline: gen_stream.py writes
# "<first name> <surname> <word> <word> in <place>" for every article of an event (a copy adds
# " (update)"). Two events can draw the same name and place, rarely: the figures are close.
event = {}
for line in open(sys.argv[8]):
    d = json.loads(line)
    words = d["title"].replace(" (update)", "").split()
    event[d["id"]] = (words[0], words[1], words[-1])
lines = copies = 0
stories = collections.defaultdict(collections.Counter)
for line in open(path):
    d = json.loads(line); lines += 1
    copies += d.get("copy_of") is not None
    stories[d["story"]][event[d["id"]]] += 1
events = collections.Counter(event.values())
pairs = lambda k: k * (k - 1) // 2
together = sum(pairs(k) for c in stories.values() for k in c.values())
precision = together / max(1, sum(pairs(sum(c.values())) for c in stories.values()))
recall = together / max(1, sum(pairs(k) for k in events.values()))
wall = end - start
print(f"articles: {lines} (of {n}); stories: {len(stories)} for {len(events)} generated events; copies flagged: {copies}")
print(f"pairwise against the generated events: precision {precision:.3f}, recall {recall:.3f}")
print(f"wall: {wall:.0f} s ({lines / wall:,.0f} articles/s); newsdesk CPU {user + sys_:.0f} s; peak memory {peak / 1024:.0f} MiB")
PY
