//! People's names in the case forms of Polish, brought back to the nominative: "Donalda
//! Tuska", "z Donaldem Tuskiem" and "Donaldowi Tuskowi" are Donald Tusk, "Annę Kowalską" and
//! "Anny Kowalskiej" Anna Kowalska. The case is read off the given name, which the lists know
//! in the nominative (`data/given_names.tsv`); the surname then takes the same case's ending
//! off. A name whose given name the lists do not know, or whose first word is a listed name
//! as written ("Jan Nowak", "Jana Kowalska"), is left as written, unless its surname's ending
//! says a man's genitive ("Jana Kowalskiego").

use super::known;
use crate::lexicon::names::Lexicon;

/// The case a declined given name was found in, and so the endings its surname takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// A man's genitive or accusative: "Donalda Tuska".
    MasculineGenitive,
    /// A man's dative: "Donaldowi Tuskowi".
    MasculineDative,
    /// A man's instrumental: "Donaldem Tuskiem".
    MasculineInstrumental,
    /// A woman's genitive, dative or locative: "Anny Kowalskiej", "Marii Nowak".
    FeminineGenitive,
    /// A woman's accusative: "Annę Kowalską".
    FeminineAccusative,
    /// A woman's instrumental: "Anną Kowalską".
    FeminineInstrumental,
}

/// A given name's endings in each case, and what its nominative ends in instead.
const GIVEN_ENDINGS: &[(&str, &str, Case)] = &[
    ("owi", "", Case::MasculineDative),
    ("iem", "", Case::MasculineInstrumental),
    ("em", "", Case::MasculineInstrumental),
    ("a", "", Case::MasculineGenitive),
    ("ii", "ia", Case::FeminineGenitive),
    ("y", "a", Case::FeminineGenitive),
    ("i", "a", Case::FeminineGenitive),
    ("ę", "a", Case::FeminineAccusative),
    ("ą", "a", Case::FeminineInstrumental),
];

/// A surname's endings in each case and what its nominative ends in instead, the longest first.
fn surname_endings(case: Case) -> &'static [(&'static str, &'static str)] {
    match case {
        Case::MasculineGenitive => &[("iego", "i"), ("ego", "y"), ("y", "a"), ("a", "")],
        Case::MasculineDative => &[("iemu", "i"), ("emu", "y"), ("owi", "")],
        Case::MasculineInstrumental => &[("im", "i"), ("ym", "y"), ("iem", ""), ("em", ""), ("ą", "a")],
        Case::FeminineGenitive => &[("iej", "a"), ("ej", "a"), ("ii", "ia"), ("y", "a")],
        Case::FeminineAccusative | Case::FeminineInstrumental => &[("ą", "a"), ("ę", "a")],
    }
}

/// The nominative of a person's name of two to four words in a Polish case form, word by
/// word as written (capitals kept), or `None` where the name is in the nominative already or
/// its case cannot be told.
pub(super) fn nominative_person(words: &[String], lexicon: &Lexicon) -> Option<Vec<String>> {
    // (As listed, letter for letter: "Anną" is no "Anna" with its marks left off.)
    let is_given = |w: &str| known::is_given_name(w) || lexicon.is_given_name(w);
    if !(2..=4).contains(&words.len()) || words.iter().any(|w| !w.chars().all(|c| c.is_alphabetic() || c == '-')) {
        return None;
    }
    let first = words[0].to_lowercase();
    let last = words[words.len() - 1].to_lowercase();
    let case = if is_given(&first) {
        // ("Jana Kowalskiego": a man's genitive by his surname, though "Jana" is listed too.)
        let masculine_surname = ["skiego", "ckiego", "dzkiego"].iter().any(|e| last.ends_with(e));
        if !masculine_surname || !first.ends_with('a') {
            return None;
        }
        Case::MasculineGenitive
    } else {
        GIVEN_ENDINGS.iter().find_map(|&(ending, nominative, case)| {
            let stem = first.strip_suffix(ending)?;
            (stem.chars().count() >= 2 && given_nominative(stem, nominative, &is_given).is_some()).then_some(case)
        })?
    };
    // A given name in the case found, in the nominative ("Donaldem": "donald").
    let given = |lower: String| {
        GIVEN_ENDINGS
            .iter()
            .filter(|&&(_, _, c)| c == case)
            .find_map(|&(ending, nominative, _)| given_nominative(lower.strip_suffix(ending)?, nominative, &is_given))
            .unwrap_or(lower)
    };
    let mut out = Vec::with_capacity(words.len());
    for (n, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        let folded = if n == words.len() - 1 {
            surname_nominative(&lower, case)
        } else if n > 0 && is_given(&lower) {
            lower
        } else {
            // The given name, and a second one in the same case ("Annę Marię Kowalską").
            given(lower)
        };
        out.push(as_written(word, &folded));
    }
    Some(out)
}

/// A surname written alone in a case form, as the nominative of one of the article's people
/// named in full (`surnames`, lowercase): "Kellskiego" after "Donald Kellski" is Kellski.
pub(super) fn surname_alone(word: &str, surnames: &crate::hash::HashSet<String>) -> Option<String> {
    let lower = word.to_lowercase();
    if surnames.is_empty() || surnames.contains(&lower) {
        return None;
    }
    let cases = [
        Case::MasculineGenitive,
        Case::MasculineDative,
        Case::MasculineInstrumental,
        Case::FeminineGenitive,
        Case::FeminineAccusative,
    ];
    let nominative = cases.iter().map(|&case| surname_nominative(&lower, case)).find(|n| surnames.contains(n))?;
    Some(as_written(word, &nominative))
}

/// The listed given name a case form's stem and the nominative's ending make, with a fleeting
/// "e" put back where the case form dropped it ("Marka": "Marek", "Pawła": "Paweł").
fn given_nominative(stem: &str, ending: &str, is_given: &dyn Fn(&str) -> bool) -> Option<String> {
    let plain = format!("{stem}{ending}");
    let fleeting = ending.is_empty().then(|| with_fleeting_e(stem)).flatten();
    // (The form with the "e" first: "Marka" is "Marek", though "Mark" is listed too.)
    fleeting.into_iter().chain(std::iter::once(plain)).find(|n| is_given(n))
}

/// A stem ending in two consonants with an "e" put between them ("mark": "marek").
fn with_fleeting_e(stem: &str) -> Option<String> {
    let chars: Vec<char> = stem.chars().collect();
    let [.., a, b] = chars[..] else { return None };
    let vowel = |c: char| "aeiouyąęó".contains(c);
    (!vowel(a) && !vowel(b)).then(|| {
        let head: String = chars[..chars.len() - 1].iter().collect();
        format!("{head}e{b}")
    })
}

/// A surname's nominative for the case its given name was found in: the case's ending off
/// ("Tuskiem": "tusk", "Kowalskiej": "kowalska"), a surname that does not decline as it is
/// ("Nowak" for a woman).
fn surname_nominative(lower: &str, case: Case) -> String {
    // ("Lwowej-Biełowej": each part of a double surname.)
    if lower.contains('-') {
        return lower.split('-').map(|part| surname_nominative(part, case)).collect::<Vec<_>>().join("-");
    }
    for &(ending, nominative) in surname_endings(case) {
        if let Some(stem) = lower.strip_suffix(ending)
            && stem.chars().count() >= 2
        {
            let plain = format!("{stem}{nominative}");
            // ("Nobla": "Nobel", where the surnames' list holds it.)
            if nominative.is_empty()
                && let Some(fleeting) = with_fleeting_e(stem).filter(|f| known::is_surname(f))
            {
                return fleeting;
            }
            return plain;
        }
    }
    lower.to_owned()
}

/// `lower` written with the capitals of `word` ("Tuskiem", "tusk": "Tusk").
fn as_written(word: &str, lower: &str) -> String {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let mut out = String::with_capacity(lower.len());
    for (n, c) in lower.chars().enumerate() {
        if n == 0 && capital {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    // ("Nowak-Kowalską": each part of a hyphenated surname as written.)
    let mut parts = out.split('-').map(str::to_owned).collect::<Vec<_>>();
    let written: Vec<&str> = word.split('-').collect();
    for (part, w) in parts.iter_mut().zip(&written).skip(1) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = part.chars();
            if let Some(c) = chars.next() {
                *part = c.to_uppercase().chain(chars).collect();
            }
        }
    }
    parts.join("-")
}

/// A Polish noun's case endings on a place's name, and what its nominative ends in instead
/// ("Krakowie": "Kraków", "Paryżu": "Paryż", "Warszawy": "Warszawa", "Kłodzka": "Kłodzko").
const PLACE_ENDINGS: &[(&str, &str)] = &[
    ("owie", "ów"),
    ("owa", "ów"),
    ("niu", "ń"),
    ("ji", "ja"),
    ("ii", "ia"),
    ("iu", ""),
    ("ie", ""),
    ("ie", "a"),
    ("u", ""),
    ("y", "a"),
    ("i", "a"),
    ("ę", "a"),
    ("ą", "a"),
    ("a", "o"),
    ("a", ""),
    ("e", "a"),
];

/// Adjectives' endings before a place's noun ("Nowej Zelandii", "Wielkiej Brytanii"), and
/// their nominative's.
const ADJECTIVE_ENDINGS: &[(&str, &str)] = &[("iej", "a"), ("ej", "a"), ("iego", "i"), ("ego", "y"), ("ą", "a")];

/// The nominative of a place's name of one or two words in a Polish case form, lowercase: a
/// country's name as Polish writes it, or a place the gazetteer knows with at least a few
/// thousand people (so that a stray ending makes no small town of a word).
pub(super) fn place_nominative(lower: &str) -> Option<String> {
    let words: Vec<&str> = lower.split(' ').collect();
    let (last, before) = words.split_last()?;
    if before.len() > 1 {
        return None;
    }
    let heads: Vec<String> = match before.first() {
        None => vec![String::new()],
        Some(adjective) => ADJECTIVE_ENDINGS
            .iter()
            .filter_map(|(ending, nominative)| adjective.strip_suffix(ending).map(|s| format!("{s}{nominative} ")))
            .collect(),
    };
    let names = |candidate: &str| {
        crate::gazetteer::is_territory_name_in(candidate, "pl")
            || known::place(candidate).is_some_and(|p| p.population >= PLACE_POPULATION || p.is_region())
    };
    for head in &heads {
        for (ending, nominative) in PLACE_ENDINGS {
            let Some(stem) = last.strip_suffix(ending).filter(|s| s.chars().count() >= 3) else { continue };
            let candidate = format!("{head}{stem}{nominative}");
            if names(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// People a place needs for a case form of its name to be read as it.
const PLACE_POPULATION: u64 = 5_000;
