//! Entities of text in scripts without capital letters (Arabic, Hebrew, Persian, Chinese,
//! Japanese, Thai): no capital marks a name there, so only what the gazetteer knows is named
//! (countries and territories, keyed by their English name like every country) and nothing is
//! guessed.

use super::{Entity, EntityKind};
use crate::gazetteer;
use crate::script::{is_cased_letter, is_unspaced};

/// One-letter prefixes written onto the next word: Arabic "and", "with/in", "for", "so",
/// "like"; Hebrew "and", "in", "to", "the", "from", "that".
const PREFIXES: &[char] = &['و', 'ب', 'ل', 'ف', 'ك', 'ו', 'ב', 'ל', 'ה', 'מ', 'ש'];

/// Whether most letters of `text` are of scripts without capitals.
pub(super) fn is_uncased(text: &str) -> bool {
    let (mut cased, mut uncased) = (0usize, 0usize);
    for c in text.chars() {
        // ASCII first: most text read is, and its test is one comparison.
        if c.is_ascii_alphabetic() || (!c.is_ascii() && is_cased_letter(c)) {
            cased += 1;
        } else if !c.is_ascii() && c.is_alphabetic() {
            uncased += 1;
        }
    }
    uncased > cased
}

/// The countries and territories the text names, most named first.
pub(super) fn entities(text: &str) -> Vec<Entity> {
    let mut found: Vec<(&'static str, String)> =
        gazetteer::territory_names_unspaced(text).into_iter().map(|(code, name)| (code, name.to_owned())).collect();
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphanumeric() && !is_unspaced(c)).filter(|w| !w.is_empty()).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut i = 0;
    while i < lower.len() {
        if lower[i].chars().any(is_unspaced) {
            i += 1;
            continue;
        }
        if let Some((code, n)) = gazetteer::territory_phrase(&lower[i..]) {
            found.push((code, words[i..i + n].join(" ")));
            i += n;
            continue;
        }
        let bare = lower[i].strip_prefix(PREFIXES).filter(|b| b.chars().count() >= 4);
        if let Some((code, name)) = gazetteer::territory(&lower[i])
            .map(|c| (c, words[i].to_owned()))
            .or_else(|| bare.and_then(|b| gazetteer::territory(b).map(|c| (c, b.to_owned()))))
        {
            found.push((code, name));
        }
        i += 1;
    }
    let mut out: Vec<Entity> = Vec::new();
    for (code, name) in found {
        let Some(main) = gazetteer::territory_main(code) else { continue };
        let key = main.to_lowercase();
        match out.iter_mut().find(|e| e.key == key) {
            Some(e) => {
                e.mentions += 1;
                if e.name != name && !e.also.contains(&name) {
                    e.also.push(name);
                    e.also.sort();
                }
            }
            None => out.push(Entity { name, key, kind: EntityKind::Place, mentions: 1, also: Vec::new() }),
        }
    }
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.key.cmp(&b.key)));
    out
}
