#!/usr/bin/env python3
"""Writes N generated news articles as analyze input (JSON Lines) to standard output.

Events are told by three outlets in their own words (shared event words and names, different
sentences), some articles are republished copies, and dates advance over about two years, so
story assignment, copy detection and retirement are all exercised. Deterministic (fixed seed).
Usage: gen_stream.py N
"""
import datetime as dt
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(11)
syll = ["ka", "lo", "mi", "ren", "tor", "va", "sel", "dun", "pra", "ost", "ul", "mer", "bai", "ni", "cor", "tes"]
def word(k=2):
    return "".join(rng.choice(syll) for _ in range(k))
common = [word(2) for _ in range(3000)]
fillers = "the a of to in and for on with as at by from that this said was were is are will would".split()
outlets = [f"outlet{i}.example" for i in range(40)]
start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
out = sys.stdout
i = 0
event = 0
while i < n:
    event += 1
    when = start + dt.timedelta(minutes=event * 1.05)  # about 1,370 events a day
    topic = [word(4) for _ in range(12)]
    names = [f"{word(2).capitalize()} {word(3).capitalize()}" for _ in range(3)]
    place = word(3).capitalize()
    for k in range(3):
        if i >= n:
            break
        sents = []
        for _ in range(rng.randint(14, 20)):
            ws = [rng.choice(topic) if rng.random() < 0.25 else rng.choice(common if rng.random() < 0.6 else fillers) for _ in range(rng.randint(12, 22))]
            if rng.random() < 0.3:
                ws.insert(rng.randrange(len(ws)), rng.choice(names))
            sents.append(" ".join(ws).capitalize() + ".")
        title = f"{names[0]} {rng.choice(topic)} {rng.choice(topic)} in {place}"
        text = f"{place.upper()} - " + " ".join(sents)
        t = when + dt.timedelta(hours=k * 3)
        art = {"id": f"a{i}", "title": title, "text": text, "published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "source": rng.choice(outlets)}
        out.write(json.dumps(art) + "\n")
        i += 1
        if k == 0 and rng.random() < 0.05 and i < n:  # a republished copy
            copy = dict(art, id=f"a{i}", source=rng.choice(outlets), title=art["title"] + " (update)")
            copy["published"] = (t + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            out.write(json.dumps(copy) + "\n")
            i += 1
