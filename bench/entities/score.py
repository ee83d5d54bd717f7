"""Scores newsdesk's entities on the development set in this folder (en.py, de.py, fr.py, es.py, ru.py,
pt.py, it.py, and the later sets ru_later.py, de_later.py, fr_later.py, es_later.py, pt_later.py,
it_later.py, de_later2.py, it_later2.py, es_later2.py, fr_later2.py, pl_later.py, en_later.py, en_later2.py, fr_later3.py, de_later3.py, ru_later2.py, es_later3.py, en_later3.py, en_later4.py, en_later5.py, de_later4.py, fr_later4.py, es_later4.py, it_later3.py, en_later6.py, pt_later2.py, ru_later3.py, each first scored before
the rules it measures were tuned: paragraphs written for newsdesk with their people,
organisations and places).

A predicted entity is right when its name or key, lowercased, is the gold name or one of its
aliases (lowercased) and its kind is the gold kind. Precision: right predictions over all
predictions; recall: gold entities found with the right kind over all gold entities; per kind
(by the predicted kind for precision, the gold kind for recall) and per language.

Usage: python3 score.py NEWSDESK_BIN [--show]   (--show lists every miss and wrong prediction)
"""

import importlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["en", "de", "fr", "es", "ru", "pt", "it", "ru_later", "de_later", "fr_later", "es_later", "pt_later", "it_later", "de_later2", "it_later2", "es_later2", "fr_later2", "pl_later", "en_later", "en_later2", "fr_later3", "de_later3", "ru_later2", "es_later3", "en_later3", "en_later4", "en_later5", "de_later4", "fr_later4", "es_later4", "it_later3", "en_later6", "pt_later2", "ru_later3"]
KINDS = ["person", "organization", "place"]


def load():
    sys.path.insert(0, HERE)
    items = []
    for lang in LANGS:
        for i, (text, gold) in enumerate(importlib.import_module(lang).PARAGRAPHS):
            entities = []
            for g in gold:
                names = [g[0]] + (list(g[2]) if len(g) > 2 else [])
                entities.append({"name": g[0], "kind": g[1], "names": {n.lower() for n in names}})
            items.append({"id": f"{lang}-{i + 1:03}", "lang": lang, "text": text, "gold": entities})
    return items


def predict(binary, items):
    lines = "".join(json.dumps({"id": it["id"], "text": it["text"]}) + "\n" for it in items)
    out = subprocess.run([binary, "analyze", "--only", "entities", "--input", "-"], input=lines,
                         capture_output=True, text=True, check=True).stdout
    by_id = {}
    for line in out.splitlines():
        row = json.loads(line)
        by_id[row["id"]] = row.get("entities", [])
    return by_id


def main():
    binary = sys.argv[1]
    show = "--show" in sys.argv
    items = load()
    predicted = predict(binary, items)
    # counts[lang][kind] = [right predictions, predictions, gold found, gold]
    counts = {lang: {k: [0, 0, 0, 0] for k in KINDS} for lang in LANGS + ["all"]}
    for it in items:
        preds = predicted.get(it["id"], [])
        found = set()
        for p in preds:
            names = {p["name"].lower(), p["key"].lower()}
            match = next((g for g in it["gold"] if g["names"] & names), None)
            right = match is not None and match["kind"] == p["kind"]
            for lang in (it["lang"], "all"):
                c = counts[lang][p["kind"]]
                c[1] += 1
                c[0] += right
            if right:
                found.add(match["name"])
            elif show:
                why = f"should be {match['kind']}" if match else "not an entity here"
                print(f"  wrong  {it['id']}: {p['name']} as {p['kind']} ({why})")
        for g in it["gold"]:
            for lang in (it["lang"], "all"):
                c = counts[lang][g["kind"]]
                c[3] += 1
                c[2] += g["name"] in found
            if show and g["name"] not in found:
                print(f"  missed {it['id']}: {g['name']} ({g['kind']})")
    print(f"{'language':<9} {'kind':<13} {'P':>6} {'R':>6} {'F1':>6} {'predicted':>10} {'gold':>6}")
    for lang in LANGS + ["all"]:
        rows = [(k, counts[lang][k]) for k in KINDS]
        rows.append(("all kinds", [sum(c[i] for _, c in rows) for i in range(4)]))
        for kind, (right, preds, hit, gold) in rows:
            p = right / preds if preds else 0.0
            r = hit / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{lang:<9} {kind:<13} {p:>6.3f} {r:>6.3f} {f:>6.3f} {preds:>10} {gold:>6}")


if __name__ == "__main__":
    main()
