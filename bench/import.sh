#!/usr/bin/env bash
# Import throughput: N generated articles (about 590 words each, like the standard ingest
# corpus) as JSON Lines into an empty database, then a search over them, with the release
# binary. Prints articles/s, CPU seconds and peak memory. Usage: bench/import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
out=bench/out/import
rm -rf "$out" && mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
bin=target/release/newsdesk
python3 - "$n" "$out/articles.jsonl" <<'PY'
import json, random, sys, uuid
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
words = ("harbour council ferry bridge strike market library tram deck plates engineer union "
         "weather storm coast budget vote school hospital road rail energy wind farm festival "
         "museum police court river port market price report minister election water").split()
with open(path, "w") as f:
    for i in range(n):
        paras = ["  ".join(" ".join(rng.choice(words) for _ in range(rng.randint(12, 24))).capitalize() + "." for _ in range(4)) for _ in range(8)]
        f.write(json.dumps({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "title": " ".join(rng.choice(words) for _ in range(7)).capitalize(),
            "summary": paras[0][:300], "body_text": "\n".join(paras),
            "published_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z", "language": "en"}) + "\n")
PY
echo "articles: $n ($(du -h "$out/articles.jsonl" | cut -f1) of JSON Lines)"
/usr/bin/time -f "%e s wall, %U s user, %S s system, %M KiB peak" "$bin" --database "$out/bench.db" import "$out/articles.jsonl" 2> "$out/time.txt" >/dev/null
cat "$out/time.txt"
python3 - "$n" "$out/time.txt" <<'PY'
import re, sys
n = int(sys.argv[1]); t = open(sys.argv[2]).read()
wall, user, sys_ = map(float, re.findall(r"([\d.]+) s", t)[:3])
print(f"import: {n / wall:,.0f} articles/s, {1000 * (user + sys_) / n:.3f} CPU-ms per article")
PY
/usr/bin/time -f "re-import (all unchanged): %e s wall, %M KiB peak" "$bin" --database "$out/bench.db" import "$out/articles.jsonl" >/dev/null
