//! The article's keyphrases: phrases of one to three content words.

use crate::hash::HashMap;

/// A word number that marks a break between phrases (and pads a shorter phrase's key).
const BREAK: u32 = u32::MAX;

/// The article's keyphrases: up to `n` phrases of one to three content words, scored by
/// frequency, presence in the title and earliness.
#[must_use]
pub fn keyphrases(title: &str, text: &str, n: usize) -> Vec<String> {
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let title_words = Words::of(title);
    let body = Words::of(sample);
    // Words as numbers, phrases as up to three numbers: no string per candidate phrase.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    ids.reserve(body.spans.len() / 2);
    let mut vocab: Vec<&str> = Vec::new();
    let coded: Vec<u32> = body
        .iter()
        .map(|w| {
            let Some(w) = w else { return BREAK };
            *ids.entry(w).or_insert_with(|| {
                vocab.push(w);
                u32::try_from(vocab.len() - 1).unwrap_or(BREAK - 1)
            })
        })
        .collect();
    // A phrase's key is its three word numbers in one integer (BREAK padding a shorter one):
    // one integer hashes faster than three.
    let mut stats: HashMap<u64, (f32, usize)> = HashMap::default();
    // (Room for every phrase at once: the table is not grown and rehashed as it fills.)
    stats.reserve(3 * coded.len());
    let mut position = 0;
    for chunk in coded.split(|w| *w == BREAK) {
        for size in 1..=3 {
            for window in chunk.windows(size) {
                let mut key = [BREAK; 3];
                key[..size].copy_from_slice(window);
                let entry = stats.entry(pack(key)).or_insert((0.0, position));
                entry.0 += size as f32;
            }
        }
        position += chunk.len() + 1;
    }
    let in_title: Vec<bool> = vocab.iter().map(|v| title_words.iter().any(|t| t == Some(*v))).collect();
    let mut ranked: Vec<(f32, [u32; 3])> = stats
        .into_iter()
        .filter(|(_, (s, _))| *s >= 2.0)
        .map(|(key, (s, first))| {
            let key = unpack(key);
            let title = key.iter().take_while(|w| **w != BREAK).all(|w| in_title[*w as usize]);
            let early = 1.0 / (1.0 + first as f32 / 200.0);
            (s * if title { 2.0 } else { 1.0 } * (0.5 + early), key)
        })
        .collect();
    // Only the best few are read: sort the best `take` (and any scores tied with the last of
    // them), and the rest only if phrases turned down leave too few.
    let mut take = (8 * n).max(32);
    loop {
        let cut = take < ranked.len();
        let head = if cut {
            ranked.select_nth_unstable_by(take - 1, |a, b| b.0.total_cmp(&a.0));
            let floor = ranked[take - 1].0;
            let mut head: Vec<(f32, [u32; 3])> = ranked[..take].to_vec();
            head.extend(ranked[take..].iter().filter(|r| r.0 == floor));
            head
        } else {
            std::mem::take(&mut ranked)
        };
        let out = spell_out(head, &vocab, n);
        if out.len() >= n || !cut {
            return out;
        }
        take *= 4;
    }
}

/// Bits of one word number in a packed phrase key.
const WORD_BITS: u32 = 21;
/// The packed form of BREAK.
const PACKED_BREAK: u64 = (1 << WORD_BITS) - 1;

/// Three word numbers in one integer. Word numbers count the distinct words of at most 20,000
/// characters, far below 2^21.
fn pack(key: [u32; 3]) -> u64 {
    key.iter().fold(0, |acc, &w| {
        (acc << WORD_BITS) | if w == BREAK { PACKED_BREAK } else { u64::from(w).min(PACKED_BREAK - 1) }
    })
}

/// The three word numbers of a packed key.
fn unpack(key: u64) -> [u32; 3] {
    let word = |shift: u32| {
        let w = (key >> shift) & PACKED_BREAK;
        if w == PACKED_BREAK { BREAK } else { u32::try_from(w).unwrap_or(BREAK) }
    };
    [word(2 * WORD_BITS), word(WORD_BITS), word(0)]
}

/// The best `n` phrases of `ranked` spelled out: a group of equal scores at a time, in
/// alphabetical order within the group so that the result does not depend on hashing.
fn spell_out(mut ranked: Vec<(f32, [u32; 3])>, vocab: &[&str], n: usize) -> Vec<String> {
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
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

/// Lowercase content words of a text, all in one string; `None` marks a break (stop word or
/// punctuation).
struct Words {
    text: String,
    /// Each word's byte range in `text`; an empty range is a break.
    spans: Vec<(usize, usize)>,
}

impl Words {
    fn of(source: &str) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut spans = Vec::new();
        for raw in source.split_whitespace() {
            let start = text.len();
            if raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                // (Most words: letters, digits and hyphens only, copied whole and lowercased
                // in place.)
                text.push_str(raw);
                text[start..].make_ascii_lowercase();
            } else if raw.is_ascii() {
                text.extend(
                    raw.bytes()
                        .filter(|b| b.is_ascii_alphanumeric() || *b == b'-')
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
            } else {
                text.extend(raw.chars().filter(|c| c.is_alphanumeric() || *c == '-').flat_map(char::to_lowercase));
            }
            let w = &text[start..];
            let breaks = raw.ends_with([',', '.', ';', ':', '!', '?']);
            if w.chars().count() < 3
                || crate::lexicon::english::is_stop_word(w)
                || w.chars().all(|c| c.is_ascii_digit())
            {
                text.truncate(start);
                spans.push((start, start));
            } else {
                spans.push((start, text.len()));
                if breaks {
                    spans.push((text.len(), text.len()));
                }
            }
        }
        Self { text, spans }
    }

    fn iter(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.spans.iter().map(|&(a, b)| (a < b).then(|| &self.text[a..b]))
    }
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
    fn phrases_turned_down_do_not_crowd_out_the_rest() {
        // Fifty three-character words, each often repeated, outscore everything and are all
        // too short to keep: the phrases below them still come out.
        let mut text = String::new();
        for round in 0..5 {
            for i in 0..50 {
                text.push_str(&format!("x{i:02}. "));
            }
            if round < 2 {
                text.push_str("harbour bridge, river ferry, tide tables, night trains, coast road. ");
            }
        }
        let k = keyphrases("", &text, 5);
        assert_eq!(k.len(), 5, "{k:?}");
        for phrase in ["harbour bridge", "river ferry", "tide tables", "night trains", "coast road"] {
            assert!(k.contains(&phrase.to_owned()), "{phrase}: {k:?}");
        }
    }

    #[test]
    fn phrase_keys_pack_and_unpack() {
        for key in [[0, 1, 2], [7, BREAK, BREAK], [BREAK; 3], [2_000_000, 5, BREAK]] {
            assert_eq!(unpack(pack(key)), key);
        }
        assert_ne!(pack([1, 2, BREAK]), pack([1, BREAK, BREAK]));
    }

    #[test]
    fn nothing_from_nothing() {
        assert!(keyphrases("", "", 5).is_empty());
    }
}
