//! Names that mean the same in every language: countries and territories (by their ISO 3166
//! code) and months (by number), in the languages of national news media, from the Unicode
//! CLDR (see `data/README.md` for the source, licence and how the lists are made).
//!
//! Serves: anchoring one event told in several languages ("Italia", "Италии", "意大利" are
//! all `IT`; "31 декабря", "31 décembre", "12月31日" are all December 31).

use std::sync::LazyLock;

use crate::hash::HashMap;
use crate::script::is_unspaced;

static TERRITORIES_TSV: &str = include_str!("../data/territories.tsv");
static MONTHS_TSV: &str = include_str!("../data/months.tsv");
static TERRITORY_MAIN_TSV: &str = include_str!("../data/territory_main.tsv");

struct Names {
    /// Whole names, lowercase.
    exact: HashMap<&'static str, &'static str>,
    /// The languages (comma-separated tags) that write each whole name.
    languages: HashMap<&'static str, &'static str>,
    /// Cyrillic names of five letters or more without their last letter, so that case
    /// forms meet ("Италия", "Италии", "Италию").
    stems: HashMap<String, &'static str>,
    /// Names that Polish, Czech, Slovak, Slovene, Croatian, Bosnian and Romanian write, without
    /// the vowel their nominative ends in ("Rosja", "Rusko": "rosj", "rusk"; "Iran" stays), so
    /// that case forms meet ("Rosji", "Rosję", "Ruska", "Iranu").
    latin_stems: HashMap<String, &'static str>,
    /// Their names of several words, each word without its nominative's ending ("wielka
    /// brytania": "wielk brytani"), so that "Wielkiej Brytanii" meets it...
    latin_phrase_stems: HashMap<String, &'static str>,
    /// ...and those names' first words so.
    latin_phrase_starts: crate::hash::HashSet<String>,
    /// ...and their first two letters.
    latin_phrase_openings: crate::hash::HashSet<(char, char)>,
    /// Names of several words, by their first word.
    phrases: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
    /// Names in characters of an unspaced script, by their first two characters: the longest
    /// such name's length in characters (a text is read only where a name can start).
    unspaced_starts: HashMap<(char, char), usize>,
}

static TERRITORIES: LazyLock<Names> = LazyLock::new(|| {
    let mut names = Names {
        exact: HashMap::default(),
        languages: HashMap::default(),
        stems: HashMap::default(),
        latin_stems: HashMap::default(),
        latin_phrase_stems: HashMap::default(),
        latin_phrase_starts: crate::hash::HashSet::default(),
        latin_phrase_openings: crate::hash::HashSet::default(),
        phrases: HashMap::default(),
        unspaced_starts: HashMap::default(),
    };
    // CLDR writes the elided "of" with a typographic apostrophe ("côte d’ivoire"); texts write
    // either, and the names read from texts keep the straight one: both are the country's.
    let straight = TERRITORIES_TSV.lines().filter(|l| l.contains('\u{2019}')).map(|l| {
        let line: &'static str = Box::leak(l.replace('\u{2019}', "'").into_boxed_str());
        line
    });
    for line in TERRITORIES_TSV.lines().chain(straight.collect::<Vec<_>>()) {
        let mut fields = line.split('\t');
        let (Some(code), Some(name)) = (fields.next(), fields.next()) else { continue };
        let tags = fields.next().unwrap_or("");
        names.exact.insert(name, code);
        names.languages.insert(name, tags);
        if name.contains(' ') {
            let first = name.split(' ').next().unwrap_or(name);
            names.phrases.entry(first).or_default().push((name, code));
        } else if name.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c))
            && name.chars().count() >= 5
            && !indeclinable(name)
        {
            let stem: String = name.chars().take(name.chars().count() - 1).collect();
            names.stems.insert(stem, code);
        }
        let latin = name.chars().all(|c| c == ' ' || (c.is_alphabetic() && (c as u32) < 0x250));
        if latin && tags.split(',').any(|t| LATIN_DECLINING.contains(&t)) {
            if let Some((first, _)) = name.split_once(' ') {
                let words: Vec<&str> = name.split(' ').collect();
                if words.len() <= 3 && words.iter().all(|w| w.chars().count() >= 3) {
                    names
                        .latin_phrase_stems
                        .insert(words.iter().map(|w| phrase_stem(w)).collect::<Vec<_>>().join(" "), code);
                    names.latin_phrase_starts.insert(phrase_stem(first).to_owned());
                    let mut chars = first.chars();
                    if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                        names.latin_phrase_openings.insert((a, b));
                    }
                }
            } else {
                let stem = name.strip_suffix(['a', 'e', 'o']).unwrap_or(name);
                if stem.chars().count() >= 4 {
                    names.latin_stems.insert(stem.to_owned(), code);
                }
            }
        }
        if name.chars().any(is_unspaced) {
            let mut chars = name.chars();
            if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                let longest = names.unspaced_starts.entry((a, b)).or_default();
                *longest = (*longest).max(name.chars().count());
            }
        }
    }
    // The names English news writes where CLDR's differ ("Turkey" for "Türkiye", "Ivory
    // Coast"): names of their countries too.
    for line in TERRITORY_MAIN_TSV.lines() {
        let Some((code, main)) = line.split_once('\t') else { continue };
        let lower = main.to_lowercase();
        if let Some(languages) = names.languages.get_mut(lower.as_str()) {
            // Written so in other languages only ("Myanmar": CLDR's English name is
            // "Myanmar (Burma)"): English writes it so too.
            if !languages.split(',').any(|l| l == "en") {
                *languages = Box::leak(format!("{languages},en").trim_start_matches(',').to_owned().into_boxed_str());
            }
            continue;
        }
        let name: &'static str = Box::leak(lower.into_boxed_str());
        names.exact.insert(name, code);
        names.languages.insert(name, "en");
        if let Some((first, _)) = name.split_once(' ') {
            names.phrases.entry(first).or_default().push((name, code));
        }
    }
    names
});

/// Languages written in Latin letters that decline countries' names with endings.
/// (Not Finnish: its endings, "-n", "-an", "-en", would make a country of every English
/// people's adjective, "Italian", "Syrian", and its stems change inside, "Kreikka",
/// "Kreikassa".)
const LATIN_DECLINING: &[&str] = &["pl", "cs", "sk", "sl", "hr", "bs", "ro"];

/// The endings those languages write on a country's stem in its case forms ("Rosj-i",
/// "Rosj-ę", "Rosj-ą", "Ukrain-ie", "Iran-em", "Rusk-u", "Franci-í"; Romanian's "Franț-ei",
/// "Israel-ului").
const LATIN_CASE_ENDINGS: &[&str] =
    &["a", "u", "y", "i", "e", "ę", "ą", "ie", "em", "ou", "ě", "í", "ei", "ului", "ul"];

/// ...and, on the words of a name of several words, besides those, the endings of its
/// adjectives and plural nouns ("Wielk-iej Brytani-i", "Stan-ów Zjednoczon-ych", "Spojen-ých
/// Stát-ů").
const LATIN_PHRASE_ENDINGS: &[&str] = &["iej", "ej", "ich", "ych", "ów", "ym", "ých", "ů", "ého", "é", "á", "ý"];

/// A word of a name of several words without the ending of its nominative.
fn phrase_stem(word: &str) -> &str {
    word.strip_suffix(['a', 'e', 'o', 'y', 'é', 'á', 'ý']).unwrap_or(word)
}

/// The stems a word of a declined name of several words can have: itself, or without one of
/// the case endings.
fn phrase_stems_of(word: &str) -> impl Iterator<Item = &str> {
    let endings = LATIN_CASE_ENDINGS.iter().chain(LATIN_PHRASE_ENDINGS);
    std::iter::once(word).chain(endings.filter_map(move |e| word.strip_suffix(e)))
}

/// A Cyrillic name Russian does not decline: one that ends in a vowel other than "а" and "я"
/// ("Монако", "Бурунди"), or in "а" after another vowel ("Самоа", "Никарагуа"). Its case forms
/// are itself, so it has no stem to match ("самое" is no form of "Самоа").
fn indeclinable(name: &str) -> bool {
    let mut last = name.chars().rev();
    let (Some(end), Some(before)) = (last.next(), last.next()) else { return true };
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    (vowel(end) && !matches!(end, 'а' | 'я')) || (end == 'а' && vowel(before))
}

static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    MONTHS_TSV
        .lines()
        .filter_map(|line| {
            let (number, name) = line.split_once('\t')?;
            Some((name, number.parse().ok()?))
        })
        .collect()
});

/// The territory (ISO 3166 code) a lowercase word names, allowing Cyrillic case endings.
pub(crate) fn territory(word: &str) -> Option<&'static str> {
    let names = &*TERRITORIES;
    if let Some(code) = names.exact.get(word) {
        return Some(code);
    }
    if word.chars().next().is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        let chars: Vec<char> = word.chars().collect();
        for cut in 1..=2 {
            if chars.len() > cut + 3 {
                let stem: String = chars[..chars.len() - cut].iter().collect();
                if let Some(code) = names.stems.get(&stem) {
                    return Some(code);
                }
            }
        }
    }
    // Polish, Czech and their neighbours: a case ending on a name's stem, or on each word of
    // a name of several words.
    if let Some((first, rest)) = word.split_once(' ')
        && let Some(code) = declined_phrase(first, rest.split(' ').collect())
    {
        return Some(code);
    }
    // (Not a person's name that looks like one: "Ghani" is no case form of "Ghana", nor
    // "Jordana" of "Jordan".)
    if word.chars().next().is_some_and(|c| c.is_alphabetic() && (c as u32) < 0x250) {
        for ending in LATIN_CASE_ENDINGS {
            if let Some(stem) = word.strip_suffix(ending)
                && let Some(code) = names.latin_stems.get(stem)
            {
                let name = crate::entities::known::is_given_name(word) || crate::entities::known::is_surname(word);
                return (!name).then_some(*code);
            }
        }
    }
    // Korean writes its case particles onto the noun: "이탈리아의" is "of Italy".
    let stem = crate::skeleton::without_korean_particle(word);
    if stem.len() < word.len() {
        return names.exact.get(stem).copied();
    }
    None
}

/// The territory a name of two or three words names in one of its case forms, where Polish,
/// Czech and their neighbours write it ("wielkiej" and ["brytanii"]).
fn declined_phrase(first: &str, rest: Vec<&str>) -> Option<&'static str> {
    let names = &*TERRITORIES;
    if rest.len() > 2 || !starts_declined_phrase(first) {
        return None;
    }
    for a in phrase_stems_of(first).filter(|a| names.latin_phrase_starts.contains(*a)) {
        for b in phrase_stems_of(rest[0]) {
            let two = format!("{a} {b}");
            let found = match rest.get(1) {
                None => names.latin_phrase_stems.get(&two).copied(),
                Some(third) => {
                    phrase_stems_of(third).find_map(|c| names.latin_phrase_stems.get(&format!("{two} {c}")).copied())
                }
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// True when a lowercase word can open a declined name of several words ("wielkiej").
pub(crate) fn starts_declined_phrase(word: &str) -> bool {
    let names = &*TERRITORIES;
    // Most words are turned away by their first two letters.
    let mut chars = word.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else { return false };
    names.latin_phrase_openings.contains(&(a, b))
        && phrase_stems_of(word).any(|s| names.latin_phrase_starts.contains(s))
}

static TERRITORY_MAIN: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| TERRITORY_MAIN_TSV.lines().filter_map(|line| line.split_once('\t')).collect());

/// A territory's main name as English news writes it ("Italy" for `IT`): the one key of a
/// country whatever language names it.
pub(crate) fn territory_main(code: &str) -> Option<&'static str> {
    TERRITORY_MAIN.get(code).copied()
}

/// True when a lowercase word is a territory's name as written, in some language (not a case
/// form of one).
pub(crate) fn is_territory_name(word: &str) -> bool {
    TERRITORIES.exact.contains_key(word)
}

/// True when a lowercase word is a territory's name as `language` (a tag such as "ru")
/// writes it.
pub(crate) fn is_territory_name_in(word: &str, language: &str) -> bool {
    TERRITORIES.languages.get(word).is_some_and(|tags| tags.split(',').any(|t| t == language))
}

/// True when some territory's name of several words starts with this lowercase word.
pub(crate) fn starts_phrase(word: &str) -> bool {
    TERRITORIES.phrases.contains_key(word)
}

/// The territory a name of several lowercase words starting at `words[0]` names, and how
/// many words it takes.
pub(crate) fn territory_phrase(words: &[String]) -> Option<(&'static str, usize)> {
    let candidates = TERRITORIES.phrases.get(words.first()?.as_str())?;
    candidates
        .iter()
        .filter_map(|(name, code)| {
            let n = name.split(' ').count();
            (words.len() >= n && words[..n].join(" ") == *name).then_some((*code, n))
        })
        .max_by_key(|&(_, n)| n)
}

/// Territories named inside runs of an unspaced script (Chinese, Japanese, Thai), longest
/// name first at each position.
pub(crate) fn territories_unspaced(text: &str) -> Vec<&'static str> {
    territory_names_unspaced(text).into_iter().map(|(code, _)| code).collect()
}

/// [`territories_unspaced`], each with the name as the gazetteer writes it.
pub(crate) fn territory_names_unspaced(text: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if !text.chars().any(is_unspaced) {
        return out;
    }
    let names = &*TERRITORIES;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_unspaced(chars[i].1) {
            i += 1;
            continue;
        }
        // The run of such characters from here: a name lies inside one.
        let run_end = (i..chars.len()).find(|&k| !is_unspaced(chars[k].1)).unwrap_or(chars.len());
        while i < run_end {
            let mut found = 0;
            // The longest name that starts here, tried from the longest that starts with these
            // two characters down.
            let longest = match chars.get(i + 1) {
                Some(&(_, next)) if i + 1 < run_end => names.unspaced_starts.get(&(chars[i].1, next)).copied(),
                _ => None,
            };
            for len in (2..=longest.unwrap_or(0).min(run_end - i)).rev() {
                let end = chars.get(i + len).map_or(text.len(), |&(b, _)| b);
                if let Some((name, code)) = names.exact.get_key_value(&text[chars[i].0..end]) {
                    out.push((*code, *name));
                    found = len;
                    break;
                }
            }
            i += found.max(1);
        }
    }
    out
}

/// The month (1 to 12) a lowercase word names.
pub(crate) fn month(word: &str) -> Option<u32> {
    MONTHS.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_country_in_many_languages() {
        for name in ["italy", "italia", "italien", "италия", "италии", "італія", "włochy"] {
            assert_eq!(territory(name), Some("IT"), "{name}");
        }
        assert_eq!(territory("bridge"), None);
        // Korean writes its particles onto the name: "of Italy", "in Italy".
        for name in ["이탈리아", "이탈리아의", "이탈리아에서"] {
            assert_eq!(territory(name), Some("IT"), "{name}");
        }
        assert_eq!(territory_phrase(&["new".into(), "zealand".into(), "said".into()]), Some(("NZ", 2)));
        assert_eq!(territories_unspaced("在意大利和德国举行"), ["IT", "DE"]);
    }

    #[test]
    fn a_name_russian_does_not_decline_has_no_case_forms() {
        // "Германии" is a case form of "Германия"; "самое" ("the most") and "палате" ("the
        // chamber") are no forms of "Самоа" and "Палау", which do not decline.
        assert_eq!(territory("германии"), Some("DE"));
        assert_eq!(territory("самоа"), Some("WS"));
        for word in ["самое", "самой", "палате"] {
            assert_eq!(territory(word), None, "{word}");
        }
    }

    #[test]
    fn polish_czech_and_romanian_case_forms_name_their_countries() {
        for (word, code) in [
            ("rosji", "RU"),
            ("rosję", "RU"),
            ("francji", "FR"),
            ("ukrainie", "UA"),
            ("iranu", "IR"),
            ("ruska", "RU"),
            ("francii", "FR"),
            ("wielkiej brytanii", "GB"),
            ("stanów zjednoczonych", "US"),
            ("spojených států", "US"),
            ("franței", "FR"),
            ("israelului", "IL"),
        ] {
            assert_eq!(territory(word), Some(code), "{word}");
        }
        // A name borne by people is no case form ("Ghani", "Jordana"), and words that only
        // begin as a name does are none.
        for word in ["ghani", "jordana", "francis", "rosjanie", "wielkiej"] {
            assert_eq!(territory(word), None, "{word}");
        }
        assert!(starts_declined_phrase("wielkiej") && !starts_declined_phrase("harbour"));
    }

    #[test]
    fn months_in_many_languages() {
        for name in ["december", "dezember", "décembre", "декабря", "grudnia", "diciembre"] {
            assert_eq!(month(name), Some(12), "{name}");
        }
        assert_eq!(month("harbour"), None);
    }
}
