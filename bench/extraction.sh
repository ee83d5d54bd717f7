#!/usr/bin/env bash
# Article extraction quality and speed (issue 4): ../shared/eval/extraction (181 real pages with
# human-annotated article text) through `newsdesk extract --format json` and through
# trafilatura 2.0, side by side in one run, each pinned to the same single core, both scored
# by the set's score.py. Needs `pip install trafilatura lxml_html_clean` (installed if missing).
#
# Speed. trafilatura's is its own harness's: the extractor call only, on text already gunzipped
# and decoded, best of 5 runs. newsdesk's is a whole process (`newsdesk extract --format json
# DIR`, best of 5): reading the files, decoding, parsing, extracting and writing the JSON lines with text and
# HTML. Its headline figure reads the pages gunzipped beforehand (as trafilatura's harness does,
# untimed); the figure with gunzip inside the process is printed too.
# Usage: bench/extraction.sh [--no-baseline]
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval/extraction
out=bench/out/extraction
mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
core=1
if [ "${1:-}" != "--no-baseline" ]; then
  python3 -c "import trafilatura" 2>/dev/null || pip install -q trafilatura==2.0.0 lxml_html_clean
  # Best of 5 runs, as newsdesk's below: the run with the shortest total time is kept.
  rm -rf "$out/trafilatura"
  for run in 1 2 3 4 5; do
    rm -rf "$out/trafilatura-run"
    python3 "$eval_dir/run_baseline.py" trafilatura --out "$out/trafilatura-run" --pin-cpu "$core" > /dev/null
    if [ ! -d "$out/trafilatura" ] || python3 - "$out/trafilatura-run/_timing.json" "$out/trafilatura/_timing.json" <<'PY'
import json, sys
new, old = (json.load(open(p))["total_s"] for p in sys.argv[1:3])
sys.exit(0 if new < old else 1)
PY
    then rm -rf "$out/trafilatura" && mv "$out/trafilatura-run" "$out/trafilatura"; fi
    echo "trafilatura run $run: $(python3 -c "import json; print(json.load(open('$out/trafilatura/_timing.json'))['pages_per_s'])") pages/s (best so far)"
  done
  rm -rf "$out/trafilatura-run"
fi
rm -rf "$out/pages" && mkdir -p "$out/pages"
for f in "$eval_dir"/data/html/*.html.gz; do gunzip -c "$f" > "$out/pages/$(basename "$f" .gz)"; done
# Best of 5 whole-process runs over DIR; sets best (seconds) and best_peak (KiB).
time_runs() {
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$out/time.txt" taskset -c "$core" \
      target/release/newsdesk extract --format json "$1" > "$out/newsdesk.jsonl"
    wall=$(python3 -c "print(round($(date +%s.%N) - $start, 4))")
    read -r peak < "$out/time.txt"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $wall < $best else 1)"; then best=$wall; best_peak=$peak; fi
  done
}
time_runs "$eval_dir/data/html"
python3 -c "print(f'newsdesk with gunzip in the process: {181 / $best:.0f} pages/s ({$best} s)')"
time_runs "$out/pages"
python3 - "$out/newsdesk.jsonl" "$out/newsdesk" "$best" "$best_peak" <<'PY'
import json, os, sys, shutil
src, dest, wall, peak = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
shutil.rmtree(dest, ignore_errors=True)
os.makedirs(dest)
n = 0
for line in open(src):
    d = json.loads(line)
    page_id = os.path.basename(d["source"]).split(".")[0]
    with open(os.path.join(dest, page_id + ".json"), "w") as f:
        json.dump({"articleBody": d.get("text") or ""}, f)
    n += 1
with open(os.path.join(dest, "_timing.json"), "w") as f:
    json.dump({"tool": "newsdesk", "version": "", "pages": n, "total_s": wall,
               "pages_per_s": round(n / wall, 1), "max_rss_mib": round(peak / 1024, 1)}, f)
print(f"newsdesk: {n} pages in {wall:.3f} s = {n / wall:.0f} pages/s (whole process, one core, best of 5), peak {peak / 1024:.0f} MiB")
PY
dirs=("$out/newsdesk")
[ -d "$out/trafilatura" ] && dirs+=("$out/trafilatura")
python3 "$eval_dir/score.py" "${dirs[@]}"
