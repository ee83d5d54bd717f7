#!/usr/bin/env python3
"""Keyphrases against what human summaries of the same articles say.

A good keyphrase names what the article is about, so a human summary of it uses its words. For
each article, `newsdesk analyze --only language,keyphrases` gives up to five phrases; a phrase
is "in the summary" when every one of its words (lowercase, Porter-stemmed, as rouge-score
reads them) is among the summary's words. Printed per set: the share of phrases in the summary
(all phrases, and those of two words or more apart), phrases per article and words per phrase.

Sets: ../shared/eval/summaries/dev.jsonl (1,149 news articles, lowercase and tokenized, each
against its human highlights) and ../shared/eval/clustering/allsides-dev.jsonl (602 articles
with their headlines, each against the human roundup and headline of its story, from
allsides-dev-roundups.jsonl).

Usage: bench/keyphrases.py [--bin target/release/newsdesk] [--show N]
"""
import argparse
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
OUT = os.path.join(HERE, "out", "keyphrases")


def sets():
    rows = [json.loads(l) for l in open(os.path.join(EVAL, "summaries", "dev.jsonl"), encoding="utf-8")]
    yield "summaries", [({"id": r["id"], "title": "", "text": r["article"]}, r["reference"]) for r in rows]
    articles = [json.loads(l) for l in open(os.path.join(EVAL, "clustering", "allsides-dev.jsonl"), encoding="utf-8")]
    roundups = {}
    for l in open(os.path.join(EVAL, "clustering", "allsides-dev-roundups.jsonl"), encoding="utf-8"):
        r = json.loads(l)
        roundups[r["event_id"]] = r["issue"] + "\n" + "\n".join(r["roundup"])
    yield "allsides-dev", [
        ({"id": a["id"], "title": a["title"], "text": "\n".join(a["paragraphs"])}, roundups[a["event_id"]])
        for a in articles
        if a["event_id"] in roundups
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "newsdesk"))
    ap.add_argument("--show", type=int, default=0, help="print the phrases of N articles of each set")
    args = ap.parse_args()
    try:
        from rouge_score import tokenizers
    except ImportError:
        sys.exit("needs rouge-score: pip install rouge-score")
    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    os.makedirs(OUT, exist_ok=True)
    for name, items in sets():
        inp = os.path.join(OUT, f"{name}.input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for article, _ in items:
                f.write(json.dumps(article, ensure_ascii=False) + "\n")
        res = subprocess.run([args.bin, "analyze", "--only", "language,keyphrases", "--input", inp],
                             capture_output=True, text=True, check=True)
        phrases = {}
        for line in res.stdout.splitlines():
            d = json.loads(line)
            phrases[d["id"]] = d.get("keyphrases", [])
        hit = total = multi_hit = multi = words = 0
        shown = random.Random(7).sample(range(len(items)), min(args.show, len(items)))
        for i, (article, reference) in enumerate(items):
            ref = set(tok.tokenize(reference))
            for p in phrases.get(article["id"], []):
                t = tok.tokenize(p)
                ok = bool(t) and all(w in ref for w in t)
                total += 1
                hit += ok
                words += len(t)
                if len(t) > 1:
                    multi += 1
                    multi_hit += ok
            if i in shown:
                print(f"  {article['title'][:70]!r}: {phrases.get(article['id'])}")
        print(f"== {name}: {len(items)} articles, {total / len(items):.2f} phrases each, "
              f"{words / max(total, 1):.2f} words a phrase")
        print(f"   in the summary: {hit / max(total, 1):.3f} of all phrases; "
              f"{multi_hit / max(multi, 1):.3f} of the {multi} of two words or more")


if __name__ == "__main__":
    main()
