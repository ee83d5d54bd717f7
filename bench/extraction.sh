#!/usr/bin/env bash
# Article extraction quality and speed (issues 4 and 14), on both development sets:
# ../shared/eval/extraction (181 real pages with human-annotated article text) and
# ../shared/eval/extraction-dragnet (965 pages, harder), each through `newsdesk extract --format
# json`, trafilatura and readability-lxml in one run, each pinned to the same single core, all
# scored by the sets' score.py. Needs `pip install trafilatura lxml_html_clean readability-lxml
# html-text` (installed if missing).
#
# Speed. The references' is the sets' harness's measure: the extractor call only, on text
# already gunzipped and decoded (bench/extraction_baseline.py runs the harness's own call; it
# decodes a page that is not valid UTF-8 by its declared charset, where the harness stops),
# trafilatura best of 5 runs, readability-lxml one run (its speed is printed, not a target).
# newsdesk's is a whole process (`newsdesk extract --format json DIR`, best of 5): reading the
# files, decoding, parsing, extracting and writing the JSON lines with text and HTML, once on
# the pages gunzipped beforehand (as the harness does, untimed) and once with gunzip inside the
# process (the issue's measure).
# Usage: bench/extraction.sh [--no-baseline]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p newsdesk-cli
core=1
baseline=true
[ "${1:-}" = "--no-baseline" ] && baseline=false
if $baseline; then
  python3 -c "import trafilatura, readability, html_text" 2>/dev/null \
    || pip install -q trafilatura lxml_html_clean readability-lxml html-text
fi

# The best of 5 whole-process runs of newsdesk over the pages in $1: sets $best and $best_peak.
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

for set in extraction extraction-dragnet; do
  eval_dir=../shared/eval/$set
  if [ -d "$eval_dir/data/html" ]; then root=$eval_dir/data; else root=$eval_dir; fi
  out=bench/out/extraction/$set
  mkdir -p "$out"
  n=$(ls "$root"/html/*.html.gz | wc -l)
  echo "== $set ($n pages)"
  dirs=()
  if $baseline; then
    rm -rf "$out/trafilatura"
    for run in 1 2 3 4 5; do
      rm -rf "$out/trafilatura-run"
      python3 bench/extraction_baseline.py trafilatura --data "$eval_dir" --out "$out/trafilatura-run" --pin-cpu "$core" > /dev/null
      if [ ! -d "$out/trafilatura" ] || python3 - "$out/trafilatura-run/_timing.json" "$out/trafilatura/_timing.json" <<'PY'
import json, sys
new, old = (json.load(open(p))["total_s"] for p in sys.argv[1:3])
sys.exit(0 if new < old else 1)
PY
      then rm -rf "$out/trafilatura" && mv "$out/trafilatura-run" "$out/trafilatura"; fi
    done
    rm -rf "$out/trafilatura-run" "$out/readability"
    python3 bench/extraction_baseline.py readability --data "$eval_dir" --out "$out/readability" --pin-cpu "$core" > /dev/null
    echo "trafilatura (best of 5): $(python3 -c "import json; print(json.load(open('$out/trafilatura/_timing.json'))['pages_per_s'])") pages/s; readability-lxml (one run): $(python3 -c "import json; print(json.load(open('$out/readability/_timing.json'))['pages_per_s'])") pages/s"
  fi
  time_runs "$root/html"
  gz_best=$best
  echo "newsdesk with gunzip in the process: $(python3 -c "print(f'{$n / $gz_best:.0f}')") pages/s ($gz_best s)"
  rm -rf "$out/pages" && mkdir -p "$out/pages"
  for f in "$root"/html/*.html.gz; do gunzip -c "$f" > "$out/pages/$(basename "$f" .gz)"; done
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
  rm -rf "$out/pages"
  dirs=("$out/newsdesk")
  if $baseline; then
    dirs+=("$out/trafilatura" "$out/readability")
    python3 -c "
import json
t = json.load(open('$out/trafilatura/_timing.json'))['pages_per_s']
print(f'newsdesk / trafilatura pages/s: {$n / $best / t:.1f} x (pages gunzipped beforehand), {$n / $gz_best / t:.1f} x (gunzip counted in newsdesk)')"
  fi
  python3 "$eval_dir/../extraction/score.py" "${dirs[@]}" --gt "$root/ground-truth.json" | tail -4
done
