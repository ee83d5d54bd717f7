#!/usr/bin/env bash
# Extraction as the product uses it (issue 14): both development sets through
# `newsdesk extract --format json`, scored twice by the sets' scorer: "raw" (the text found on
# every page) and "product" (a page judged not an article gives nothing, as the full-text step
# then keeps the feed's content). Every page of both sets is an article, so each page judged
# otherwise is an article thrown away; the verdicts are counted by reason.
# Usage: bench/extraction_product.sh [NEWSDESK_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then bin=$1; else cargo build --release --locked -q -p newsdesk-cli; bin=$PWD/target/release/newsdesk; fi
for set in extraction extraction-dragnet; do
  root=../shared/eval/$set
  if [ -d "$root/data" ]; then pages=$root/data/html; gt=$root/data/ground-truth.json; else pages=$root/html; gt=$root/ground-truth.json; fi
  out=bench/out/product-$set
  rm -rf "$out" && mkdir -p "$out/raw" "$out/product"
  "$bin" extract --format json "$pages" > "$out/all.jsonl" 2>/dev/null || true
  echo "== $set"
  python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
n = 0
reasons = {}
for line in open(os.path.join(out, "all.jsonl")):
    d = json.loads(line)
    n += 1
    page = os.path.basename(d["source"]).split(".")[0]
    text = d.get("text") or ""
    verdict = d.get("not_article")
    if verdict:
        reasons[verdict] = reasons.get(verdict, 0) + 1
    json.dump({"articleBody": text}, open(os.path.join(out, "raw", page + ".json"), "w"))
    json.dump({"articleBody": "" if verdict else text}, open(os.path.join(out, "product", page + ".json"), "w"))
thrown = sum(reasons.values())
print(f"{n} pages, every one an article; judged not an article: {thrown} ({100 * thrown / n:.1f}%)")
for reason, count in sorted(reasons.items(), key=lambda r: -r[1]):
    print(f"  {count:4}  {reason}")
PY
  python3 ../shared/eval/extraction/score.py "$out/raw" "$out/product" --gt "$gt" | tail -3
done
