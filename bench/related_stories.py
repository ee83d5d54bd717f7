#!/usr/bin/env python3
"""Stories on the same subject ("Earlier on this subject", "Since then on this subject", the
API's `related`), judged by how much the two stories' texts share.

No set labels subjects, so each pair a story page links is scored by the cosine of the two
stories' texts (every article's headline and text; words of three letters or more, TF-IDF over
the set's stories): a link between stories of one subject shares its words, a link made by a
name that every story names shares little. A set is imported into a fresh database in date
order (`newsdesk import`, which understands every article), served, and every live story's page
read through the API.

Printed per set: stories, stories with a link, links, the links' mean cosine, and the shares of
links at 0.10 or more and under 0.05.

Usage: bench/related_stories.py [--bin target/release/newsdesk] [--show N] [SET ...]
SET is allsides-dev or basil (both by default).
"""
import argparse
import collections
import json
import math
import os
import random
import re
import sqlite3
import subprocess
import time
import urllib.request

from clustering import EVAL, when

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out", "related")
WORD = re.compile(r"[a-z][a-z'’-]{2,}")
STOP = set("the and for that with from this have has was were are been will would said says not but its his "
           "her their they about after over into more than also who which what when while".split())


def run(name, binary, port, show):
    work = os.path.join(OUT, name)
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "related.db")
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    rows = [json.loads(l) for l in open(os.path.join(EVAL, f"{name}.jsonl"), encoding="utf-8")]
    text_of = {}
    with open(os.path.join(work, "articles.jsonl"), "w", encoding="utf-8") as f:
        for i in sorted(range(len(rows)), key=lambda i: (when(rows[i]["date"]), i)):
            r = rows[i]
            paragraphs = r["paragraphs"]
            if paragraphs and paragraphs[0].strip() == r["title"].strip():
                paragraphs = paragraphs[1:]
            body = "\n\n".join(paragraphs)
            record = {"title": r["title"], "body_text": body,
                      "published_at": when(r["date"]).strftime("%Y-%m-%dT%H:%M:%SZ")}
            if r.get("url", "").startswith("http"):
                record["url"] = r["url"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            text_of[r["title"]] = r["title"] + "\n" + body
    env = dict(os.environ, NEWSDESK_DATABASE_URL=db, NEWSDESK_LOG="warn")
    # (A record without a headline is refused and reported; the others import.)
    subprocess.run([binary, "import", os.path.join(work, "articles.jsonl")], env=env, capture_output=True)
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM stories WHERE coalesce(merged_into, '') = '' AND article_count > 0")]
    con.close()
    server = subprocess.Popen([binary, "serve", "--no-crawl", "--listen", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        views = {s: json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stories/{s}")) for s in ids}
    finally:
        server.kill()
    bags = {}
    for s, v in views.items():
        text = "\n".join(text_of.get(e["article"]["title"], e["article"]["title"]) for e in v["timeline"])
        bags[s] = collections.Counter(w for w in WORD.findall(text.lower()) if w not in STOP)
    df = collections.Counter()
    for b in bags.values():
        df.update(set(b))
    n = len(bags)
    vectors = {}
    for s, b in bags.items():
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[s] = {w: x / norm for w, x in v.items()}
    cos = lambda a, b: sum(x * b.get(w, 0.0) for w, x in a.items())
    pairs = [(s, r["id"]) for s, v in views.items() for r in v.get("related", []) if r["id"] in vectors]
    sims = [cos(vectors[a], vectors[b]) for a, b in pairs]
    linked = sum(1 for v in views.values() if v.get("related"))
    k = max(len(sims), 1)
    print(f"== {name}: {n} stories, {linked} with stories on their subject, {len(pairs)} links, "
          f"mean cosine {sum(sims) / k:.3f}, at 0.10 or more {sum(x >= 0.10 for x in sims) / k:.3f}, "
          f"under 0.05 {sum(x < 0.05 for x in sims) / k:.3f}")
    for a, b in random.Random(1).sample(pairs, min(show, len(pairs))):
        print(f"  {cos(vectors[a], vectors[b]):.2f}  {views[a]['story']['title'][:60]!r} -> {views[b]['story']['title'][:60]!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "newsdesk"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("sets", nargs="*", default=["allsides-dev", "basil"])
    args = ap.parse_args()
    for i, name in enumerate(args.sets):
        run(name, os.path.abspath(args.bin), 8471 + i, args.show)


if __name__ == "__main__":
    main()
