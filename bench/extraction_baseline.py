#!/usr/bin/env python3
"""A reference extractor over one evaluation set, for bench/extraction.sh.

The sets' own harness (`../shared/eval/extraction/run_baseline.py`) reads every page as UTF-8
and stops at the first page that is not (several of extraction-dragnet's pages declare UTF-8
and hold a few windows-1252 bytes). This runs the same extractor call (the harness's own
`make_extractor`, imported, not copied) and times it the same way, the call only, on text
already decoded, but decodes each page as a browser would: UTF-8 when it is valid, else the
charset the page declares, else windows-1252, a stray byte replaced rather than fatal.

Usage: extraction_baseline.py EXTRACTOR --data SET_DIR --out DIR [--pin-cpu N]
(SET_DIR holds html/*.html.gz, or data/html/*.html.gz, and ground-truth.json beside it.)
Writes DIR/<page_id>.json and DIR/_timing.json as the harness does.
"""
import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

HARNESS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction"
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = DECLARED.search(raw[:4096])
    for name in ([m.group(1).decode("ascii", "replace")] if m else []) + ["windows-1252"]:
        try:
            return raw.decode(name, errors="replace")
        except LookupError:
            continue
    return raw.decode("latin-1")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("extractor")
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--pin-cpu", type=int)
    args = ap.parse_args()
    sys.path.insert(0, str(HARNESS))
    from run_baseline import make_extractor  # noqa: E402 (the sets' harness)

    if args.pin_cpu is not None:
        os.sched_setaffinity(0, {args.pin_cpu})
    root = args.data / "data" if (args.data / "data" / "html").is_dir() else args.data
    pages = sorted((root / "html").glob("*.html.gz"))
    extract, version = make_extractor(args.extractor)
    args.out.mkdir(parents=True, exist_ok=True)
    url = "https://example.com/"
    try:
        extract(decode(gzip.decompress(pages[0].read_bytes())), url)  # warm-up, not timed
    except Exception:
        pass
    per_page, errors = {}, 0
    for path in pages:
        pid = path.name.split(".")[0]
        html = decode(gzip.decompress(path.read_bytes()))
        t0 = time.perf_counter()
        try:
            text = extract(html, url)
        except Exception as exc:  # a failure scores as an empty prediction, as in the harness
            text, errors = "", errors + 1
            print(f"error on {pid}: {type(exc).__name__}: {exc}", file=sys.stderr)
        per_page[pid] = (time.perf_counter() - t0) * 1000.0
        (args.out / f"{pid}.json").write_text(json.dumps({"articleBody": text}, ensure_ascii=False), encoding="utf-8")
    ms = sorted(per_page.values())
    total_s = sum(ms) / 1000.0
    timing = {
        "tool": args.extractor,
        "version": version,
        "pages": len(ms),
        "total_s": round(total_s, 4),
        "pages_per_s": round(len(ms) / total_s, 2) if total_s else None,
        "median_ms": round(statistics.median(ms), 3),
        "max_ms": round(ms[-1], 3),
        "errors": errors,
    }
    (args.out / "_timing.json").write_text(json.dumps(timing, indent=1), encoding="utf-8")
    print(json.dumps(timing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
