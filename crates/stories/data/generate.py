#!/usr/bin/env python3
"""Writes the multilingual name lists of the understanding crate from the Unicode CLDR, as
shipped by Babel (`pip install babel==2.19.0`, CLDR 49): territories.tsv (ISO 3166 code, name) and
months.tsv (month number, name) and world_regions.tsv (continents and parts of the world, with
their English names), in the languages of national news media, lowercased, deduplicated, names
that name two places or are too short to be specific left out. Run from this folder:
`python3 generate.py`. See README.md for the source and licence."""
import babel
from babel import Locale

# The languages of national news media with a CLDR locale (a short list keeps names from
# languages with little news out, where they collide with common words of others).
languages = """af am ar az be bg bn bs ca ckb cs cy da de el en eo es et eu fa fi fil fr ga gl gu he hi hr hu hy id
is it ja ka kk km kn ko ku ky lo lt lv mk ml mn mr ms my nb ne nl nn pa pl ps pt ro ru si sk sl sq sr sv sw ta te tg th
tk tr uk ur uz vi yue zh zu""".split()


def usable(name):
    # Letters of scripts without spaces carry more per character.
    unspaced = any(0x3040 <= ord(c) <= 0x9FFF or 0x0E00 <= ord(c) <= 0x0EFF for c in name)
    return len(name) >= (2 if unspaced else 4)


# Continents and the parts of the world the news names, in the languages above (collected in
# the loop below, written to world_regions.tsv after it): the name as
# CLDR writes it, TAB, its name in English news (the key that joins them; empty when it is
# that), TAB, the languages that write it so. Left out: "America"
# (019: in German and English text it is more often the United States than the Americas), the
# world, the Pacific's island groups, CLDR's statistical regions news seldom names, any name
# that is also a country's (in any of the languages) or too short to be specific, and names
# places.tsv has already (GeoNames' continents: "Europe", "Africa", "Asia").
world = {"002": "Africa", "003": "North America", "005": "South America", "009": "Oceania",
         "011": "West Africa", "013": "Central America", "014": "East Africa", "015": "North Africa",
         "017": "Central Africa", "029": "Caribbean", "030": "East Asia", "034": "South Asia",
         "035": "Southeast Asia", "142": "Asia", "143": "Central Asia", "150": "Europe",
         "151": "Eastern Europe", "155": "Western Europe", "202": "Sub-Saharan Africa",
         "419": "Latin America"}
territories = {}
languages_of = {}
months = {}
world_names = {}
for tag in languages:
    try:
        locale = Locale.parse(tag)
    except Exception:
        continue
    for code, name in locale.territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO") and usable(name):
            territories.setdefault(name.lower(), set()).add(code)
            languages_of.setdefault(name.lower(), set()).add(tag)
    for form in ("format", "stand-alone"):
        for number, name in locale.months.get(form, {}).get("wide", {}).items():
            if usable(name) and not name.isdigit():
                months.setdefault(name.lower(), set()).add(number)
    for code, main in world.items():
        if name := locale.territories.get(code):
            world_names.setdefault((name, main), set()).add(tag)

# Regional spellings a national press writes that its language's main locale does not:
# European Portuguese ("Irão", "Quénia", "Chéquia" against Brazil's "Irã", "Quênia",
# "Tchéquia"), recorded under the language's tag. A spelling that is also a city's name in
# places.tsv is left out ("Salvador" is a Brazilian city before it is El Salvador).
city_names = {line.split("\t")[0] for line in open("places.tsv", encoding="utf-8")}
for variant, tag in (("pt_PT", "pt"),):
    for code, name in Locale.parse(variant).territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO") and usable(name):
            if name.lower() in city_names:
                continue
            territories.setdefault(name.lower(), set()).add(code)
            languages_of.setdefault(name.lower(), set()).add(tag)

with open("territories.tsv", "w", encoding="utf-8") as out:
    for name, codes in sorted(territories.items()):
        if len(codes) == 1:
            out.write(f"{next(iter(codes))}\t{name}\t{','.join(sorted(languages_of[name]))}\n")
with open("months.tsv", "w", encoding="utf-8") as out:
    for name, numbers in sorted(months.items()):
        if len(numbers) == 1:
            out.write(f"{next(iter(numbers))}\t{name}\n")
# The main name of each territory as English news writes it (the key that joins one country
# named in several languages): CLDR's English name, without its qualifier in parentheses, "&"
# written out, and the names English news uses instead of CLDR's where they differ.
usual = {"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "HK": "Hong Kong",
         "MO": "Macau", "CI": "Ivory Coast", "PS": "Palestine", "TR": "Turkey", "CZ": "Czech Republic",
         "VA": "Vatican City"}
with open("territory_main.tsv", "w", encoding="utf-8") as out:
    for code, name in sorted(Locale.parse("en").territories.items()):
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
            name = usual.get(code, name.split(" (")[0].replace(" & ", " and ").replace("St. ", "Saint "))
            out.write(f"{code}\t{name}\n")
regions = {}
region_languages = {}
for (name, main), tags in world_names.items():
    if usable(name) and name.lower() not in territories and name.lower() not in city_names:
        regions.setdefault(name, set()).add(main)
        region_languages.setdefault(name, set()).update(tags)
# A Cyrillic name that another language's name of the same region continues by a letter or
# two (Mongolian "Европ", Russian "Европа") would be read as that name's stem in Russian, which
# declines names.
stems = {n for n, mains in regions.items() for m, others in regions.items()
         if m != n and others == mains and m.lower().startswith(n.lower()) and len(m) - len(n) <= 2
         and " " not in m[len(n):] and all("\u0400" <= c <= "\u04ff" for c in n)}
with open("world_regions.tsv", "w", encoding="utf-8") as out:
    for name, mains in sorted(regions.items()):
        if len(mains) == 1 and name not in stems:
            main = next(iter(mains))
            out.write(f"{name}\t{'' if name == main else main}\t{','.join(sorted(region_languages[name]))}\n")
print(f"{len(territories)} territory names, {len(months)} month names from {len(languages)} languages")
