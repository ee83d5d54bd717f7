#!/usr/bin/env python3
"""Story summaries against human neutral summaries: ../shared/eval/clustering/
allsides-dev-roundups.jsonl (the first paragraph of each story's `roundup`). Each gold story is
matched to the story `newsdesk analyze --stories` put its first article in; that story's
summary is scored with ROUGE (rouge-score, Porter stemmer, summary-level Lsum, sentences one a
line), beside LEAD-3 of the story's first article in the same run. Then, as a second set, how
many of the words of basil's `main_event` each basil story's summary has (ROUGE-1 recall).

Usage: bench/story_summaries.py [--stories bench/out/clustering/allsides-dev.stories.jsonl]
(run `bench/clustering.py --stories allsides-dev` first; bench/clustering.sh does both).
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval", "clustering")


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'])", text.strip()) if s]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", default=os.path.join(HERE, "out", "clustering", "allsides-dev.stories.jsonl"))
    args = ap.parse_args()
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        sys.exit("needs rouge-score: pip install rouge-score")
    articles = [json.loads(l) for l in open(os.path.join(EVAL, "allsides-dev.jsonl"), encoding="utf-8")]
    roundups = [json.loads(l) for l in open(os.path.join(EVAL, "allsides-dev-roundups.jsonl"), encoding="utf-8")]
    stories = [json.loads(l) for l in open(args.stories, encoding="utf-8")]
    story_of = {a: s for s in stories for a in s["articles"]}
    first = {}
    for a in articles:  # file order within a story's time: the first listed is its first article
        first.setdefault(a["event_id"], a)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"newsdesk": [0.0] * 3, "LEAD-3": [0.0] * 3}
    n = words = 0
    for r in roundups:
        lead = first.get(r["event_id"])
        if not lead or not r.get("roundup"):
            continue
        ref = "\n".join(sentences(r["roundup"][0]))
        story = story_of.get(lead["id"], {})
        ours = "\n".join(sentences(story.get("summary", "")))
        lead3 = "\n".join(sentences(" ".join(lead["paragraphs"]))[:3])
        for name, text in (("newsdesk", ours), ("LEAD-3", lead3)):
            s = scorer.score(ref, text)
            for i, k in enumerate(("rouge1", "rouge2", "rougeLsum")):
                totals[name][i] += s[k].fmeasure
        words += len(re.findall(r"\w+", story.get("summary", "")))
        n += 1
    print(f"stories: {n}   mean summary words: {words / max(n, 1):.1f}")
    print(f"{'':10} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7}")
    for name, v in totals.items():
        print(f"{name:10} " + " ".join(f"{100 * x / max(n, 1):6.2f}" for x in v))
    basil_main_events(scorer, os.path.join(os.path.dirname(args.stories), "basil.stories.jsonl"))


def basil_main_events(scorer, path):
    """A second check on other stories: does the summary tell the event? basil.jsonl names each
    event's main event in a few words (`main_event`); ROUGE-1 recall of those words in the
    summary of the story the event's first article is in, beside LEAD-3 of that article."""
    if not os.path.exists(path):
        return
    articles = [json.loads(l) for l in open(os.path.join(EVAL, "basil.jsonl"), encoding="utf-8")]
    story_of = {a: s for s in (json.loads(l) for l in open(path, encoding="utf-8")) for a in s["articles"]}
    first = {}
    for a in articles:
        first.setdefault(a["event_id"], a)
    recall = {"newsdesk": 0.0, "LEAD-3": 0.0}
    words = 0
    for lead in first.values():
        story = story_of.get(lead["id"], {})
        lead3 = " ".join(sentences(" ".join(lead["paragraphs"]))[:3])
        for name, text in (("newsdesk", story.get("summary", "")), ("LEAD-3", lead3)):
            recall[name] += scorer.score(lead["main_event"], text)["rouge1"].recall
        words += len(re.findall(r"\w+", story.get("summary", "")))
    n = max(len(first), 1)
    print(f"basil: {len(first)} events, main event words found (ROUGE-1 recall): "
          + ", ".join(f"{name} {100 * v / n:.2f}" for name, v in recall.items())
          + f"; mean summary words {words / n:.1f}")


if __name__ == "__main__":
    main()
