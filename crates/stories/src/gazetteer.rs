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
        names.exact.insert(name, code);
        names.languages.insert(name, fields.next().unwrap_or(""));
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
    // Korean writes its case particles onto the noun: "이탈리아의" is "of Italy".
    let stem = crate::skeleton::without_korean_particle(word);
    if stem.len() < word.len() {
        return names.exact.get(stem).copied();
    }
    None
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
    fn months_in_many_languages() {
        for name in ["december", "dezember", "décembre", "декабря", "grudnia", "diciembre"] {
            assert_eq!(month(name), Some(12), "{name}");
        }
        assert_eq!(month("harbour"), None);
    }
}
