#!/usr/bin/env python3
"""Writes han_consonants.txt: the consonant classes of the Mandarin reading of every Han
ideograph of the CJK Unified Ideographs block (U+4E00 to U+9FFF), for names transliterated
into Chinese characters ("桑佩特科" is sang-pei-te-ke, SNPTK). The readings are the first
(most common) of each character in pinyin-data, as shipped inside the PyPI package pypinyin
0.55.0 (`pip install pypinyin==0.55.0`, its pinyin_dict.json). Run from this folder:
`python3 generate_han.py`. See README.md for the source and licence.

Each character is two letters, in code point order: its initial's class (P b p f, T d t,
K g k, S j q x zh ch sh z c s, M m, N n, _ none: vowels, y, w, h, l, r) and its final's
(N for -n and -ng, _ none). Lines of 64 characters (128 letters), to keep the file readable
by tools."""
import json
import os
import unicodedata

import pypinyin

path = os.path.join(os.path.dirname(pypinyin.__file__), "pinyin_dict.json")
readings = json.load(open(path, encoding="utf-8"))


def plain(syllable):
    # Tone marks off: "sōng" is "song".
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c)).replace("ü", "v")


def classes(syllable):
    s = plain(syllable)
    initial = "_"
    for prefix, cls in (("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("f", "P"), ("d", "T"),
                        ("t", "T"), ("g", "K"), ("k", "K"), ("j", "S"), ("q", "S"), ("x", "S"), ("z", "S"),
                        ("c", "S"), ("s", "S"), ("m", "M"), ("n", "N")):
        if s.startswith(prefix):
            initial = cls
            break
    # A syllable "n" or "ng" alone (an interjection) has no final of its own.
    final = "N" if len(s) > 2 and (s.endswith("n") or s.endswith("ng")) else "_"
    if s in ("n", "ng"):
        initial, final = "N", "_"
    return initial + final


out = []
for code in range(0x4E00, 0xA000):
    reading = readings.get(str(code))
    out.append(classes(reading.split(",")[0]) if reading else "__")
text = "".join(out)
with open("han_consonants.txt", "w", encoding="ascii") as f:
    for i in range(0, len(text), 128):
        f.write(text[i:i + 128] + "\n")
