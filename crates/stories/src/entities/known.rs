//! Names known before reading: places (GeoNames), given names (the US census), well-known
//! organisations (written for newsdesk). Sources, licences and how the files are made:
//! `data/README.md`.
//!
//! Loaded once, on first use: about 118,000 place names and 5,000 given names.

use std::sync::LazyLock;

use crate::hash::HashMap;

static PLACES_TSV: &str = include_str!("../../data/places.tsv");
static GIVEN_TSV: &str = include_str!("../../data/given_names.tsv");
static SURNAMES_TSV: &str = include_str!("../../data/surnames.tsv");
static COMMON_WORDS_TSV: &str = include_str!("../../data/common_words.tsv");
static WORD_SURNAMES_TSV: &str = include_str!("../../data/word_surnames.tsv");
static ORGANISATIONS_TSV: &str = include_str!("../../data/organisations.tsv");
static REGIONS_TSV: &str = include_str!("../../data/regions.tsv");
static WORLD_REGIONS_TSV: &str = include_str!("../../data/world_regions.tsv");

/// A place of the gazetteer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub population: u64,
    /// Its main name when the name looked up is another of its names ("Moskau": "Moscow").
    pub main: Option<&'static str>,
}

/// The population the gazetteers give a region rather than a city: the US states in
/// `places.tsv` (see `generate_entities.py`) and every entry of `regions.tsv`.
const REGION_POPULATION: u64 = 10_000_000;

impl Place {
    /// A US state or a region of `regions.tsv`, not a city.
    pub(crate) fn is_region(&self) -> bool {
        self.population == REGION_POPULATION
    }
}

static PLACES: LazyLock<HashMap<&'static str, Place>> = LazyLock::new(|| {
    PLACES_TSV
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?;
            let _id = fields.next()?;
            let population = fields.next()?.parse().ok()?;
            let main = fields.next().filter(|m| !m.is_empty());
            // Another name of a city that is a well-known organisation's ("google" for Topeka,
            // "hamas" for Hamm, "white house" for Casablanca) names the organisation.
            // (The names here are lowercase: looked up as they are, without a copy each.)
            if main.is_some() && ORGANISATIONS.by_lowercase.contains_key(name) {
                return None;
            }
            Some((name, Place { population, main }))
        })
        .collect()
});

/// Regions and abbreviations of countries, which count as large places, and the continents
/// and parts of the world in every language of the territories' list ("Afrique", "Ásia",
/// "Südostasien"), each keyed by its English name (`regions.tsv` first where both name one).
static REGIONS: LazyLock<HashMap<String, Place>> = LazyLock::new(|| {
    WORLD_REGIONS_TSV
        .lines()
        .chain(REGIONS_TSV.lines())
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or(line);
            let main = fields.next().filter(|m| !m.is_empty());
            (name.to_lowercase(), Place { population: REGION_POPULATION, main })
        })
        .collect()
});

/// The languages that write each name of `world_regions.tsv` (lowercase) that `regions.tsv`
/// does not hold too.
static WORLD_REGION_LANGUAGES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let written: crate::hash::HashSet<String> = REGIONS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(l).to_lowercase())
        .collect();
    WORLD_REGIONS_TSV
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?.to_lowercase();
            let languages = fields.nth(1)?;
            (!written.contains(&name)).then_some((name, languages))
        })
        .collect()
});

/// Whether a lowercase name is a continent's or part of the world's only in languages other
/// than `tag`'s: "Europa" is Europe in German and Spanish, and Jupiter's moon in English text.
pub(crate) fn is_world_region_of_other_languages(lower: &str, tag: &str) -> bool {
    WORLD_REGION_LANGUAGES.get(lower).is_some_and(|languages| !languages.split(',').any(|l| l == tag))
}

static GIVEN: LazyLock<crate::hash::HashSet<&'static str>> =
    LazyLock::new(|| GIVEN_TSV.lines().filter(|l| !l.is_empty()).collect());

/// The given names folded to Latin letters as [`crate::script::fold_to_latin`] folds, so that
/// a name written in Cyrillic meets its Latin spelling ("Эльвира", "Elvira").
static GIVEN_FOLDED: LazyLock<crate::hash::HashSet<String>> =
    LazyLock::new(|| GIVEN_TSV.lines().filter(|l| l.len() >= 4).map(crate::script::fold_to_latin).collect());

/// Lowercase name (or the abbreviation as written) to the organisation's main name.
struct Organisations {
    by_lowercase: HashMap<String, &'static str>,
    by_abbreviation: HashMap<&'static str, &'static str>,
    /// The first words (lowercase) of names of several words: a phrase is looked up only
    /// from one of these.
    first_words: crate::hash::HashSet<String>,
    /// Names that are an ordinary English word as well ("House" for the House of
    /// Representatives), written `en:House` in the file: taken for the organisation in English
    /// text only, where news writes the chamber so, and only once a name is keyed (an album
    /// called "Harry's House" quoted in a Russian article names no chamber).
    english_words: HashMap<String, &'static str>,
    /// Names of several words by [`adjectives_folded`].
    by_folded: HashMap<String, &'static str>,
    /// The first words of the names of several words, folded as [`adjectives_folded`] folds
    /// them: a name is folded only when its first word is one of these.
    folded_first_words: crate::hash::HashSet<String>,
}

static ORGANISATIONS: LazyLock<Organisations> = LazyLock::new(|| {
    let mut out = Organisations {
        by_lowercase: HashMap::default(),
        by_abbreviation: HashMap::default(),
        first_words: crate::hash::HashSet::default(),
        english_words: HashMap::default(),
        by_folded: HashMap::default(),
        folded_first_words: crate::hash::HashSet::default(),
    };
    for line in ORGANISATIONS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let Some((main, others)) = line.split_once('\t') else { continue };
        for name in std::iter::once(main).chain(others.split('|')).filter(|n| !n.is_empty()) {
            if let Some(word) = name.strip_prefix("en:") {
                out.english_words.insert(word.to_lowercase(), main);
                continue;
            }
            if let Some((first, _)) = name.split_once(' ') {
                out.first_words.insert(first.to_lowercase());
            }
            if is_abbreviation(name) {
                out.by_abbreviation.insert(name, main);
            } else {
                let lower = name.to_lowercase();
                if let Some((first, _)) = lower.split_once(' ') {
                    out.folded_first_words.insert(adjective_folded(first).into_owned());
                }
                if let Some(folded) = adjectives_folded(&lower) {
                    out.by_folded.entry(folded).or_insert(main);
                }
                out.by_lowercase.insert(lower, main);
            }
        }
    }
    out
});

/// Capitals (and dots, hyphens, "&") only, as "ECB", "U.N.", "ISIS-K", "S&P". Names with digits
/// ("COVID-19", "F-35") are of diseases and models more often than of organisations.
pub(crate) fn is_abbreviation(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&')
}

/// The place a lowercase name names.
pub(crate) fn place(lower: &str) -> Option<Place> {
    REGIONS.get(lower).or_else(|| PLACES.get(lower)).copied()
}

/// The place a lowercase name names, or, where the language capitalises nouns (German), whose
/// genitive it is ("bayerns", "hamburgs"), with the name it was found under.
pub(crate) fn place_in<'a>(lower: &'a str, lexicon: &crate::lexicon::names::Lexicon) -> Option<(Place, &'a str)> {
    if let Some(p) = place(lower) {
        return Some((p, lower));
    }
    let stem = genitive_stem(lower, lexicon)?;
    place(stem).map(|p| (p, stem))
}

/// The name a German genitive in "-s" is of ("frankreichs", "bayerns"), where the language
/// capitalises nouns; and a country's in Swedish, Danish and Norwegian ("storbritanniens"),
/// which are read with the shared lexicon (no tag of its own) and write their genitives so.
pub(crate) fn genitive_stem<'a>(lower: &'a str, lexicon: &crate::lexicon::names::Lexicon) -> Option<&'a str> {
    let stem = lower.strip_suffix('s').filter(|stem| !stem.ends_with('s'))?;
    let nordic_country = || {
        lexicon.tag.is_empty()
            && ["sv", "da", "nb", "nn"].iter().any(|l| crate::gazetteer::is_territory_name_in(stem, l))
    };
    (lexicon.capitalises_nouns || nordic_country()).then_some(stem)
}

static SURNAMES: LazyLock<crate::hash::HashSet<&'static str>> =
    LazyLock::new(|| SURNAMES_TSV.lines().filter(|l| !l.is_empty()).collect());

/// Whether a lowercase word is a surname many people bear (and no common word).
pub(crate) fn is_surname(lower: &str) -> bool {
    SURNAMES.contains(lower)
}

static COMMON_WORDS: LazyLock<crate::hash::HashSet<&'static str>> =
    LazyLock::new(|| COMMON_WORDS_TSV.lines().filter(|l| !l.is_empty()).collect());

static WORD_SURNAMES: LazyLock<crate::hash::HashSet<&'static str>> =
    LazyLock::new(|| WORD_SURNAMES_TSV.lines().filter(|l| !l.is_empty()).collect());

/// Whether a common English word is a surname many people bear as well ("bush", "stone").
pub(crate) fn is_word_surname(lower: &str) -> bool {
    WORD_SURNAMES.contains(lower)
}

/// Whether a lowercase word is a common English word (written in lowercase in running text).
pub(crate) fn is_common_english_word(lower: &str) -> bool {
    COMMON_WORDS.contains(lower)
}

/// Whether a lowercase word is a given name.
pub(crate) fn is_given_name(lower: &str) -> bool {
    GIVEN.contains(lower)
}

/// Whether a lowercase word is a given name, in this lexicon's case forms and, in a script
/// other than Latin, as the shared list spells it in Latin letters.
pub(crate) fn is_given_name_in(lower: &str, lexicon: &crate::lexicon::names::Lexicon) -> bool {
    if is_given_name(lower) || lexicon.is_given_name(lower) {
        return true;
    }
    // "Andréas", "Zoë": a name in Latin letters with marks the list writes without them.
    // (The list itself, not its folded spellings: those would also make "América" a name.)
    // (Four letters at least: "În" is Romanian's "in".)
    if !lower.is_ascii()
        && lower.chars().count() >= 4
        && lower.chars().all(|c| c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
        && crate::gazetteer::territory(lower).is_none()
        && GIVEN.contains(crate::script::fold_to_latin(lower).as_str())
    {
        return true;
    }
    // A country in some case ("России") is no one's name, however close its Latin letters.
    if lower.is_ascii()
        || !lexicon.declines_names()
        || lower.chars().count() < 4
        || crate::gazetteer::territory(lower).is_some()
    {
        return false;
    }
    let latin = is_given_name_spelled;
    if latin(lower) {
        return true;
    }
    // The case endings of a man's name ending in a consonant ("Дональда", "Дональдом") and of
    // a woman's ending in "-а" ("Эльвиры", "Эльвирой").
    let masculine = ["ом", "а", "у", "е"].iter().any(|e| lower.strip_suffix(e).is_some_and(latin));
    let feminine =
        ["ой", "ы", "е", "у"].iter().any(|e| lower.strip_suffix(e).is_some_and(|stem| latin(&format!("{stem}а"))));
    masculine || feminine
}

/// Whether a word in another script spells a given name of the shared list in Latin letters
/// ("Брендан" is Brendan).
pub(crate) fn is_given_name_spelled(word: &str) -> bool {
    GIVEN_FOLDED.contains(&crate::script::fold_to_latin(word))
}

/// Whether a well-known organisation's name of several words starts with this lowercase word.
pub(crate) fn starts_organisation(lower: &str) -> bool {
    ORGANISATIONS.first_words.contains(lower)
}

/// The main name of the well-known organisation `name` (as written) names.
pub(crate) fn organisation(name: &str) -> Option<&'static str> {
    let known = &*ORGANISATIONS;
    if is_abbreviation(name) {
        return known.by_abbreviation.get(name).copied();
    }
    let lower = name.to_lowercase();
    known.by_lowercase.get(&lower).copied().or_else(|| {
        // (Only names whose first word, folded, opens a known name of several words.)
        let (first, _) = lower.split_once(' ')?;
        if !known.folded_first_words.contains(adjective_folded(first).as_ref()) {
            return None;
        }
        let folded = adjectives_folded(&lower)?;
        known.by_lowercase.get(&folded).or_else(|| known.by_folded.get(&folded)).copied()
    })
}

/// A name of several words with its adjectives in one form whatever their case and gender, as
/// German declines them before a noun ("der Deutschen Bank", "Europäisches Parlament", "des
/// Deutschen Roten Kreuzes": "deutsche bank", "europäische parlament", "deutsche rote
/// kreuz"): every word before the last ending in "-e", the last without a genitive's "-es" or
/// "-s"; `None` when that changes nothing. Known organisations are looked up by it too.
pub(crate) fn adjectives_folded(lower: &str) -> Option<String> {
    let (before, last) = lower.rsplit_once(' ')?;
    let mut folded = String::with_capacity(lower.len());
    for word in before.split(' ') {
        folded.push_str(&adjective_folded(word));
        folded.push(' ');
    }
    let genitive = ["es", "s"].iter().find_map(|e| last.strip_suffix(e).filter(|s| s.chars().count() >= 4));
    folded.push_str(genitive.unwrap_or(last));
    (folded != lower).then_some(folded)
}

/// A word before a name's last, as [`adjectives_folded`] folds it ("deutschen": "deutsche").
fn adjective_folded(word: &str) -> std::borrow::Cow<'_, str> {
    match ["en", "em", "er", "es"].iter().find_map(|e| word.strip_suffix(e)) {
        Some(stem) if stem.chars().count() >= 3 && stem.ends_with(|c: char| c.is_alphabetic()) => {
            std::borrow::Cow::Owned(format!("{stem}e"))
        }
        _ => std::borrow::Cow::Borrowed(word),
    }
}

/// Whether a name is written as the list of well-known organisations writes one (not only
/// found by its folded adjectives).
pub(crate) fn is_listed_organisation_name(name: &str) -> bool {
    ORGANISATIONS.by_lowercase.contains_key(&name.to_lowercase())
}

/// [`organisation`], and in English text also the organisations an ordinary English word names
/// there ("House").
pub(crate) fn organisation_in(name: &str, english: bool) -> Option<&'static str> {
    organisation(name).or_else(|| {
        if !english || is_abbreviation(name) {
            return None;
        }
        ORGANISATIONS.english_words.get(&name.to_lowercase()).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_name_of_a_city_that_an_organisation_goes_by_names_the_organisation() {
        // GeoNames lists them as other names of Topeka, Hamm and Casablanca.
        for name in ["google", "hamas", "white house"] {
            assert!(place(name).is_none(), "{name}");
        }
        assert!(place("topeka").is_some() && place("hamm").is_some());
        // A city's main name stays a place, whatever a company is called after it.
        assert!(place("toyota").is_some());
    }

    #[test]
    fn the_lists_load_and_answer() {
        assert!(place("frankfurt").is_some_and(|p| p.population > 500_000));
        assert_eq!(place("moskau").and_then(|p| p.main), Some("Moscow"));
        assert!(place("nowhere in particular").is_none());
        assert!(is_given_name("christine") && !is_given_name("lagarde"));
        assert_eq!(organisation("ECB"), Some("European Central Bank"));
        assert_eq!(organisation("Europäische Zentralbank"), Some("European Central Bank"));
        assert_eq!(organisation("WHO"), Some("World Health Organization"));
        assert_eq!(organisation("Who"), None, "an abbreviation matches only as written");
        assert!(is_abbreviation("U.N.") && is_abbreviation("ISIS-K") && !is_abbreviation("Nato"));
    }
}
