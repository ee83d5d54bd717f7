#!/usr/bin/env python3
"""Story quality on ../shared/eval/clustering: each set fed to `newsdesk analyze` in date
order (ties in file order), stories merged later relabelled, scored by the set's score.py,
and the copy flags checked (none may join articles of different outlets).

Usage: bench/clustering.py [--bin target/release/newsdesk] [SET ...]
SET is basil, allsides-dev or itn-dev (all three by default).
"""
import argparse
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval", "clustering")
OUT = os.path.join(HERE, "out", "clustering")


def when(raw):
    raw = raw.replace("Z", "+00:00")
    if len(raw) == 10:
        raw += "T12:00:00+00:00"
    return datetime.fromisoformat(raw).astimezone(timezone.utc)


def prepare(name, rows, path):
    order = sorted(range(len(rows)), key=lambda i: (when(rows[i]["date"]), i))
    with open(path, "w", encoding="utf-8") as out:
        for i in order:
            r = rows[i]
            paragraphs = r["paragraphs"]
            # basil repeats the headline as its first paragraph.
            if paragraphs and paragraphs[0].strip() == r["title"].strip():
                paragraphs = paragraphs[1:]
            line = {"id": r["id"], "title": r["title"], "text": "\n".join(paragraphs),
                    # A date alone stays a date: the time of day is unknown.
                    "published": r["date"] if len(r["date"]) == 10 else when(r["date"]).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "source": r["source"]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def relabel(analyzed):
    parent = {}

    def find(s):
        while parent.get(s, s) != s:
            s = parent[s]
        return s

    for d in analyzed:
        for m in d.get("merged_stories", []):
            parent[find(m)] = find(d["story"])
    return {d["id"]: find(d["story"]) for d in analyzed}


def run(name, binary, stories_out):
    gold = os.path.join(EVAL, f"{name}.jsonl")
    rows = [json.loads(l) for l in open(gold, encoding="utf-8")]
    os.makedirs(OUT, exist_ok=True)
    inp = os.path.join(OUT, f"{name}.input.jsonl")
    prepare(name, rows, inp)
    cmd = [binary, "analyze", "--only", "language,copies,stories", "--input", inp]
    if stories_out:
        cmd += ["--stories", os.path.join(OUT, f"{name}.stories.jsonl")]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    analyzed = [json.loads(l) for l in res.stdout.splitlines() if l.strip()]
    labels = relabel(analyzed)
    pred = os.path.join(OUT, f"{name}.predictions.jsonl")
    with open(pred, "w") as f:
        for i, c in labels.items():
            f.write(json.dumps({"id": i, "cluster": c}) + "\n")
    score = subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), pred, "--gold", gold],
                           capture_output=True, text=True, check=True).stdout
    source = {r["id"]: r["source"] for r in rows}
    flags = [(d["id"], d["copy_of"]) for d in analyzed if d.get("copy_of")]
    cross = [(a, b) for a, b in flags if source[a] != source[b]]
    nolang = sum(1 for d in analyzed if not d.get("language"))
    print(f"== {name}")
    print(score.rstrip())
    print(f"copy flags: {len(flags)} in all, {len(cross)} across outlets (must be 0); no language: {nolang}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "newsdesk"))
    ap.add_argument("--stories", action="store_true", help="also write each set's stories file")
    ap.add_argument("sets", nargs="*", default=["basil", "allsides-dev", "itn-dev"])
    args = ap.parse_args()
    for name in args.sets:
        run(name, args.bin, args.stories)


if __name__ == "__main__":
    main()
