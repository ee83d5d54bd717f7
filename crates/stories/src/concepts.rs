//! What happened, whatever the language: the kind of event a text tells ("dies", "умер",
//! "去世" are one concept; "earthquake", "séisme", "지진" another), read from the word list
//! `data/concepts.tsv`. Names, places, numbers and dates are what two reports of one event in
//! two languages share; the kind of event is the rest of what they share, and it tells two
//! events of the same place and days apart (a leader's resignation and the storm of that week).

use std::sync::OnceLock;

use crate::hash::HashMap;
use crate::script::is_unspaced;

static CONCEPTS_TSV: &str = include_str!("../data/concepts.tsv");

/// One form of a concept in a language with spaces: its words (each the start of a word,
/// the last a whole word when `whole`).
struct Form {
    words: Vec<String>,
    whole: bool,
    concept: u16,
}

struct Lexicon {
    names: Vec<&'static str>,
    /// Forms by the first three letters of their first word (two, for a word of two).
    spaced: HashMap<u64, Vec<Form>>,
    /// Forms in scripts without spaces, found anywhere in the text, by their first character.
    unspaced: HashMap<char, Vec<(&'static str, u16)>>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon { names: Vec::new(), spaced: HashMap::default(), unspaced: HashMap::default() };
        for line in CONCEPTS_TSV.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let (Some(name), Some(_language), Some(forms)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            let concept = match lexicon.names.iter().position(|n| *n == name) {
                Some(i) => i,
                None => {
                    lexicon.names.push(name);
                    lexicon.names.len() - 1
                }
            };
            let concept = u16::try_from(concept).unwrap_or(u16::MAX);
            for form in forms.split('|').filter(|f| !f.is_empty()) {
                if let Some(first) = form.chars().next().filter(|&c| is_unspaced(c)) {
                    lexicon.unspaced.entry(first).or_default().push((form, concept));
                    continue;
                }
                let whole = form.ends_with('$');
                let words: Vec<String> =
                    form.trim_end_matches('$').split(' ').map(|w| without_article(w).to_owned()).collect();
                let Some(key) = words.first().and_then(|w| key(w)) else { continue };
                lexicon.spaced.entry(key).or_default().push(Form { words, whole, concept });
            }
        }
        lexicon
    })
}

/// The first three letters of a word, lowercased, packed in one number (the third 0 for a
/// word of two): the key its forms are filed under.
fn key(word: &str) -> Option<u64> {
    let pack =
        |a: char, b: char, c: Option<char>| Some(u64::from(a) << 42 | u64::from(b) << 21 | c.map_or(0, u64::from));
    if let [a, b, rest @ ..] = word.as_bytes()
        && a.is_ascii()
        && b.is_ascii()
        && rest.first().is_none_or(u8::is_ascii)
    {
        let lower = |c: &u8| char::from(c.to_ascii_lowercase());
        return pack(lower(a), lower(b), rest.first().map(lower));
    }
    let mut letters = word.chars().map(|c| c.to_lowercase().next().unwrap_or(c));
    pack(letters.next()?, letters.next()?, letters.next())
}

/// The key of a word's two-letter start, for forms whose first word has two letters.
fn short_key(key: u64) -> u64 {
    key & !((1 << 21) - 1)
}

/// Whether `word` lowercased is `stem` (`whole`) or starts with it; `lower` keeps the
/// lowercased word of a word that is not ASCII, made once.
fn matches(word: &str, lower: &mut Option<String>, stem: &str, whole: bool) -> bool {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return if whole {
            bytes.eq_ignore_ascii_case(stem.as_bytes())
        } else {
            bytes.len() >= stem.len() && bytes[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
        };
    }
    let word = lower.get_or_insert_with(|| word.to_lowercase());
    if whole { word == stem } else { word.starts_with(stem) }
}

/// An Arabic word without the article and the particles written onto it ("الزلزال" is
/// "زلزال", "بالبنك" "بنك"); any other word as it is.
fn without_article(word: &str) -> &str {
    if !word.starts_with(|c: char| ('\u{600}'..='\u{6FF}').contains(&c)) {
        return word;
    }
    for prefix in ["وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 2
        {
            return rest;
        }
    }
    word
}

/// Words of the body read for concepts: what happened is told at the start.
const BODY_WORDS: usize = 150;
/// Characters of text without spaces read for concepts.
const UNSPACED_CHARS: usize = 400;

/// The concepts `words` (a text's words in order, as written) and `text` tell, each once, by
/// name; `text` is read for forms without spaces when `unspaced` (it has such characters).
pub(crate) fn concepts_in<'a>(words: impl Iterator<Item = &'a str>, text: &str, unspaced: bool) -> Vec<&'static str> {
    let lexicon = lexicon();
    let mut found: Vec<u16> = Vec::new();
    let words: Vec<&str> = words.take(BODY_WORDS).map(without_article).collect();
    // Words not in ASCII are lowercased when a form may start with them, and once.
    let mut lower: Vec<Option<String>> = vec![None; words.len()];
    for i in 0..words.len() {
        let Some(key) = key(words[i]) else { continue };
        let short = (short_key(key) != key).then(|| lexicon.spaced.get(&short_key(key))).flatten();
        for form in lexicon.spaced.get(&key).into_iter().chain(short).flatten() {
            if found.contains(&form.concept) || i + form.words.len() > words.len() {
                continue;
            }
            let last = form.words.len() - 1;
            let matched = form
                .words
                .iter()
                .enumerate()
                .all(|(j, stem)| matches(words[i + j], &mut lower[i + j], stem, j == last && form.whole));
            if matched {
                found.push(form.concept);
            }
        }
    }
    let head = match text.char_indices().nth(UNSPACED_CHARS) {
        Some((i, _)) if unspaced => &text[..i],
        _ if unspaced => text,
        _ => "",
    };
    for (at, c) in head.char_indices().filter(|&(_, c)| is_unspaced(c)) {
        for &(form, concept) in lexicon.unspaced.get(&c).into_iter().flatten() {
            if !found.contains(&concept) && head[at..].starts_with(form) {
                found.push(concept);
            }
        }
    }
    found.sort_unstable();
    found.into_iter().map(|c| lexicon.names[c as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<&'static str> {
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').collect();
        concepts_in(words.iter().copied().filter(|w| !w.is_empty()), text, text.chars().any(is_unspaced))
    }

    #[test]
    fn one_event_in_many_languages() {
        assert_eq!(of("An earthquake of magnitude 6 struck the coast."), ["earthquake"]);
        assert_eq!(of("Ein Erdbeben erschütterte die Küste."), ["earthquake"]);
        assert_eq!(of("Землетрясение произошло у побережья."), ["earthquake"]);
        assert_eq!(of("海岸附近发生地震"), ["earthquake"]);
        assert_eq!(of("해안에서 지진이 발생했다"), ["earthquake"]);
        // The Arabic article is read off.
        assert_eq!(of("ضرب الزلزال الساحل"), ["earthquake"]);
        // Word starts hold inflected words: Tamil's "பிரதமராக" (as prime minister), Georgian's
        // "პრემიერ-მინისტრი", Sinhala's "අගමැති".
        assert_eq!(of("அவர் பிரதமராக பதவியேற்றார்"), ["prime_minister"]);
        assert_eq!(of("ის პრემიერ-მინისტრი გახდა"), ["prime_minister"]);
        assert_eq!(of("ඔහු අගමැති වෙයි"), ["prime_minister"]);
    }

    #[test]
    fn phrases_and_whole_words() {
        assert_eq!(of("The prime minister resigned on Monday."), ["prime_minister", "resign"]);
        // "dies" is a whole word: "diesel" is no death.
        assert!(of("Diesel prices rose.").is_empty());
        assert_eq!(of("Le Premier ministre démissionne."), ["prime_minister", "resign"]);
    }
}
