//! The article's keyphrases: phrases of one to three content words.

use crate::hash::HashMap;

/// The article's keyphrases: up to `n` phrases of one to three content words, scored by
/// frequency, presence in the title and earliness.
#[must_use]
pub fn keyphrases(title: &str, text: &str, n: usize) -> Vec<String> {
    const BREAK: u32 = u32::MAX;
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let title_words: Vec<String> = words_of(title);
    let body = words_of(sample);
    // Words as numbers, phrases as up to three numbers: no string per candidate phrase.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut vocab: Vec<&str> = Vec::new();
    let coded: Vec<u32> = body
        .iter()
        .map(|w| {
            if w.is_empty() {
                return BREAK;
            }
            *ids.entry(w.as_str()).or_insert_with(|| {
                vocab.push(w.as_str());
                u32::try_from(vocab.len() - 1).unwrap_or(BREAK - 1)
            })
        })
        .collect();
    let mut stats: HashMap<[u32; 3], (f32, usize)> = HashMap::default();
    let mut position = 0;
    for chunk in coded.split(|w| *w == BREAK) {
        for size in 1..=3 {
            for window in chunk.windows(size) {
                let mut key = [BREAK; 3];
                key[..size].copy_from_slice(window);
                let entry = stats.entry(key).or_insert((0.0, position));
                entry.0 += size as f32;
            }
        }
        position += chunk.len() + 1;
    }
    let in_title: Vec<bool> = vocab.iter().map(|v| title_words.iter().any(|t| t == v)).collect();
    let mut ranked: Vec<(f32, [u32; 3])> = stats
        .into_iter()
        .filter(|(_, (s, _))| *s >= 2.0)
        .map(|(key, (s, first))| {
            let title = key.iter().take_while(|w| **w != BREAK).all(|w| in_title[*w as usize]);
            let early = 1.0 / (1.0 + first as f32 / 200.0);
            (s * if title { 2.0 } else { 1.0 } * (0.5 + early), key)
        })
        .collect();
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    // Spell out phrases only as far as needed: a group of equal scores at a time, in
    // alphabetical order within the group so that the result does not depend on hashing.
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ranked.len() && out.len() < n {
        let score = ranked[i].0;
        let end = ranked[i..].iter().position(|r| r.0 != score).map_or(ranked.len(), |k| i + k);
        let mut group: Vec<String> = ranked[i..end]
            .iter()
            .map(|(_, key)| {
                key.iter().take_while(|w| **w != BREAK).map(|w| vocab[*w as usize]).collect::<Vec<_>>().join(" ")
            })
            .filter(|p| p.chars().count() >= 4)
            .collect();
        group.sort_unstable();
        for p in group {
            // A phrase inside one already chosen (or containing one) adds little.
            if out.iter().any(|o| o.contains(&p) || p.contains(o.as_str())) {
                continue;
            }
            out.push(p);
            if out.len() >= n {
                break;
            }
        }
        i = end;
    }
    out
}

/// Lowercase content words; an empty string marks a break (stop word or punctuation).
fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let w: String = if raw.is_ascii() {
            raw.bytes()
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect()
        } else {
            raw.chars().filter(|c| c.is_alphanumeric() || *c == '-').flat_map(char::to_lowercase).collect()
        };
        let breaks = raw.ends_with([',', '.', ';', ':', '!', '?']);
        if w.chars().count() < 3 || crate::lexicon::english::is_stop_word(&w) || w.chars().all(|c| c.is_ascii_digit()) {
            out.push(String::new());
        } else {
            out.push(w);
            if breaks {
                out.push(String::new());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyphrases_favour_repeated_title_phrases() {
        let k = keyphrases(
            "Harbour bridge closes for deck repairs",
            "The harbour bridge closes on Monday. Deck repairs take six weeks. Ferries run while the harbour bridge is shut, \
             and deck repairs continue through the night.",
            3,
        );
        assert_eq!(k[0], "harbour bridge", "{k:?}");
        assert!(k.contains(&"deck repairs".to_owned()), "{k:?}");
    }

    #[test]
    fn nothing_from_nothing() {
        assert!(keyphrases("", "", 5).is_empty());
    }
}
