#!/usr/bin/env python3
"""Language detection on short texts, against the language each set says its text is in.

`newsdesk analyze --only language` reads each text as an article (title and text). A text
counts as right when the detected tag's primary subtag is the set's (Norwegian "no" is
Bokmål "nb", Malay "ms" the Indonesian "id" whatlang tells it as), wrong when it is another
language, and unnamed when no language is given. Printed per set: right, wrong, unnamed, and
with --show the wrong and unnamed texts.

Sets:
- itn-dev: ../shared/eval/clustering/itn-dev.jsonl, one-sentence news items in about 55
  languages, each read with its title (as bench/clustering.py feeds them);
- dev-set sentences: the first sentence of each paragraph of bench/entities/ (English, German,
  French, Spanish and Russian paragraphs written for newsdesk), read alone;
- allsides-dev and basil headlines: English headlines of ../shared/eval/clustering, read alone.

Usage: bench/languages.py [--bin target/release/newsdesk] [--show N]
"""
import argparse
import collections
import importlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval", "clustering")
SAME = {("no", "nb"), ("nb", "no"), ("ms", "id")}


def sets():
    out = {}
    rows = [json.loads(l) for l in open(os.path.join(EVAL, "itn-dev.jsonl"), encoding="utf-8")]
    out["itn-dev"] = [(r["id"], r["title"], "\n".join(r["paragraphs"]), r["language"]) for r in rows]
    sys.path.insert(0, os.path.join(HERE, "entities"))
    sentences = []
    for module in ["en", "de", "fr", "es", "ru", "de_later", "fr_later", "es_later", "ru_later"]:
        for i, (text, _) in enumerate(importlib.import_module(module).PARAGRAPHS):
            # A sentence ends after a word of two letters or more ("George H. W. Bush" goes on).
            first = re.split(r"(?<=\w\w[.!?])\s+", text.strip())[0]
            sentences.append((f"{module}-{i}", first, "", module.split("_")[0]))
    out["dev-set sentences"] = sentences
    for name in ["allsides-dev", "basil"]:
        rows = [json.loads(l) for l in open(os.path.join(EVAL, f"{name}.jsonl"), encoding="utf-8")]
        out[f"{name} headlines"] = [(r["id"], r["title"], "", "en") for r in rows]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "newsdesk"))
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    for name, items in sets().items():
        lines = "".join(json.dumps({"id": i, "title": t, "text": x}) + "\n" for i, t, x, _ in items)
        res = subprocess.run([args.bin, "analyze", "--only", "language", "--input", "-"], input=lines,
                             capture_output=True, text=True, check=True).stdout
        told = {d["id"]: d.get("language") for d in map(json.loads, res.splitlines())}
        right, wrong, unnamed, wrong_texts = 0, collections.Counter(), [], []
        for i, t, x, lang in items:
            got = told.get(i)
            if not got:
                unnamed.append((lang, t, x))
                continue
            primary = got.split("-")[0]
            if primary == lang.split("-")[0] or (lang, primary) in SAME:
                right += 1
            else:
                wrong[(lang, got)] += 1
                wrong_texts.append((f"{lang}->{got}", t, x))
        n = len(items)
        print(f"{name:<20} texts {n:>5}  right {right:>5} ({right / n:.3f})  wrong {sum(wrong.values()):>4}  "
              f"unnamed {len(unnamed):>4}")
        if args.show:
            print("   wrong:", ", ".join(f"{a}->{b} {c}" for (a, b), c in wrong.most_common(args.show)))
            for what, rows in (("wrong", wrong_texts), ("unnamed", unnamed)):
                for lang, t, x in rows[: args.show]:
                    print(f"   {what} {lang}: {t[:60]} | {x[:80]}")


if __name__ == "__main__":
    main()
