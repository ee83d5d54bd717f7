//! The article's keyphrases: phrases of one to three content words that the article says more
//! than once (or says and its headline says too).

use crate::hash::{HashMap, HashSet};

mod han;

/// A word number that marks a break between phrases (and pads a shorter phrase's key).
const BREAK: u32 = u32::MAX;

/// The article's keyphrases: up to `n` phrases of one to three content words, scored by
/// frequency, length, presence in the title and earliness. A phrase must occur twice, counting
/// the title once: a phrase said once is no key to anything ("strongest winds around"). Words
/// that end phrases are the stop words of `language` (a BCP 47 tag, when known) and of
/// English; a paragraph's end ends every phrase. A phrase is written in its commonest form
/// inside the text's sentences ("Storm Imre", "COVID-19 vaccine", "deep state"), in lowercase
/// where it only opens sentences. Text written mostly in Chinese characters and kana is read
/// by character (`keyphrases/han.rs`).
#[must_use]
pub fn keyphrases(title: &str, text: &str, language: Option<&str>, n: usize) -> Vec<String> {
    // Chinese and Japanese put no spaces between words: their phrases are read by character.
    if han::is_han_text(text) {
        return han::keyphrases(title, text, n);
    }
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let rules = Rules::of(language);
    let title_words = Words::of(title, title, &rules);
    let body = Words::of(sample, title, &rules);
    // Words as numbers, phrases as up to three numbers: no string per candidate phrase.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    ids.reserve(body.spans.len() / 2);
    let mut vocab: Vec<&str> = Vec::new();
    let coded: Vec<u32> = body
        .iter()
        .map(|(w, _)| {
            let Some(w) = w else { return BREAK };
            *ids.entry(w).or_insert_with(|| {
                vocab.push(w);
                u32::try_from(vocab.len() - 1).unwrap_or(BREAK - 1)
            })
        })
        .collect();
    // A phrase's key is its three word numbers in one integer (BREAK padding a shorter one):
    // one integer hashes faster than three.
    let mut stats: HashMap<u64, (u32, usize)> = HashMap::default();
    // (Room for every phrase at once: the table is not grown and rehashed as it fills.)
    stats.reserve(3 * coded.len());
    let mut position = 0;
    for chunk in coded.split(|w| *w == BREAK) {
        for size in 1..=3 {
            for window in chunk.windows(size) {
                stats.entry(pack(key_of(window))).or_insert((0, position)).0 += 1;
            }
        }
        position += chunk.len() + 1;
    }
    // The headline's phrases, as the body's word numbers (a headline word the body never says
    // makes no phrase).
    let title_coded: Vec<u32> =
        title_words.iter().map(|(w, _)| w.and_then(|w| ids.get(w).copied()).unwrap_or(BREAK)).collect();
    let mut in_title: HashSet<u64> = HashSet::default();
    for chunk in title_coded.split(|w| *w == BREAK) {
        for size in 1..=3 {
            in_title.extend(chunk.windows(size).map(|window| pack(key_of(window))));
        }
    }
    let mut ranked: Vec<(f32, [u32; 3])> = stats
        .into_iter()
        .filter_map(|(key, (count, first))| {
            let title = in_title.contains(&key);
            let said = count + u32::from(title);
            if said < 2 {
                return None;
            }
            let key = unpack(key);
            let size = key.iter().take_while(|w| **w != BREAK).count();
            let early = 1.0 / (1.0 + first as f32 / 200.0);
            #[allow(clippy::cast_precision_loss)]
            let score = (said * size as u32) as f32 * if title { 2.0 } else { 1.0 } * (0.5 + early);
            Some((score, key))
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
        let chosen = choose(head, &vocab, n);
        if chosen.len() >= n || !cut {
            return chosen.iter().map(|words| as_written(words, &coded, &body, &vocab)).collect();
        }
        take *= 4;
    }
}

/// The key of a phrase of one to three word numbers.
fn key_of(window: &[u32]) -> [u32; 3] {
    let mut key = [BREAK; 3];
    key[..window.len()].copy_from_slice(window);
    key
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

/// Whether the words of `inner` stand together inside `outer` (or are `outer`).
fn within(inner: &[u32], outer: &[u32]) -> bool {
    inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

/// The best `n` phrases of `ranked`, as word numbers: a group of equal scores at a time, in
/// alphabetical order within the group so that the result does not depend on hashing.
fn choose(mut ranked: Vec<(f32, [u32; 3])>, vocab: &[&str], n: usize) -> Vec<Vec<u32>> {
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<Vec<u32>> = Vec::new();
    let mut i = 0;
    while i < ranked.len() && chosen.len() < n {
        let score = ranked[i].0;
        let end = ranked[i..].iter().position(|r| r.0 != score).map_or(ranked.len(), |k| i + k);
        let mut group: Vec<(String, Vec<u32>)> = ranked[i..end]
            .iter()
            .map(|(_, key)| {
                let words: Vec<u32> = key.iter().copied().take_while(|w| *w != BREAK).collect();
                let lower = words.iter().map(|w| vocab[*w as usize]).collect::<Vec<_>>().join(" ");
                (lower, words)
            })
            // (An elided "of" is written onto its word inside a phrase only: no phrase opens
            // with it.)
            .filter(|(p, _)| p.chars().count() >= 4 && !p.starts_with("d'"))
            .collect();
        group.sort_unstable();
        for (_, words) in group {
            // A phrase inside one already chosen (or containing one) adds little.
            if chosen.iter().any(|c| within(&words, c) || within(c, &words)) {
                continue;
            }
            chosen.push(words);
            if chosen.len() >= n {
                break;
            }
        }
        i = end;
    }
    chosen
}

/// A phrase as the text writes it inside sentences, its commonest form there ("Storm Imre",
/// "COVID-19 vaccine", "deep state"); in lowercase where it only opens sentences.
fn as_written(words: &[u32], coded: &[u32], body: &Words<'_>, vocab: &[&str]) -> String {
    let mut forms: Vec<(String, usize)> = Vec::new();
    let Some(&first) = words.first() else { return String::new() };
    for at in 0..coded.len() {
        // (The first word compared alone first: most places hold another word.)
        if coded[at] != first || coded.get(at..at + words.len()) != Some(words) {
            continue;
        }
        let mut form = String::new();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                form.push(' ');
            }
            match body.spans[at + k].2 {
                Written::Capitalised(written) => form.push_str(written),
                Written::Lowercase => form.push_str(vocab[*w as usize]),
                Written::Unknown => {
                    form.clear();
                    break;
                }
            }
        }
        if form.is_empty() {
            continue;
        }
        match forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, count)) => *count += 1,
            None => forms.push((form, 1)),
        }
    }
    // The commonest form; of equally common ones, the first written.
    let best = forms.iter().map(|(_, c)| *c).max().unwrap_or(0);
    forms
        .into_iter()
        .find(|(_, c)| *c == best)
        .map_or_else(|| words.iter().map(|w| vocab[*w as usize]).collect::<Vec<_>>().join(" "), |(form, _)| form)
}

/// One occurrence of a word, as written.
#[derive(Clone, Copy)]
enum Written<'a> {
    /// Capitalised inside a sentence, in this form (without the punctuation around it).
    Capitalised(&'a str),
    Lowercase,
    /// At a sentence's start, where every word is capitalised (and for breaks).
    Unknown,
}

/// The words that end phrases: the language's, English's, and every word of under three
/// letters or of digits alone.
struct Rules {
    words: &'static HashSet<&'static str>,
}

impl Rules {
    fn of(language: Option<&str>) -> Self {
        Self { words: crate::lexicon::phrase_breaks::breaks_of(language) }
    }

    fn breaks(&self, w: &str) -> bool {
        // (Under three bytes is under three letters; from nine bytes on, three letters at least.)
        w.len() < 3
            || (w.len() < 9 && w.chars().count() < 3)
            || w.bytes().all(|b| b.is_ascii_digit())
            || self.words.contains(w)
    }
}

/// Lowercase content words of a text, all in one string; an empty span marks a break (a stop
/// word, punctuation, a clitic).
struct Words<'a> {
    text: String,
    /// Each word's byte range in `text` (an empty range is a break) and how it was written.
    spans: Vec<(usize, usize, Written<'a>)>,
}

impl<'a> Words<'a> {
    /// `headline`: the article's title, which a line of the text may repeat.
    fn of(source: &'a str, headline: &str, rules: &Rules) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut spans = Vec::with_capacity(source.len() / 5);
        for line in source.split('\n') {
            // A line written as a headline (the title repeated, a heading in title case) says
            // nothing of how its words are written in sentences.
            let heading = crate::entities::is_headline_line(line, headline);
            let mut sentence_start = true;
            // Whether the last span is a word a phrase may go on from.
            let mut in_phrase = false;
            for raw in line.split_whitespace() {
                // (Most words end in a letter or digit: no punctuation to look for.)
                let plain_end = raw.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric);
                let ends_sentence =
                    !plain_end && raw.trim_end_matches(['"', '\'', '”', '’', ')', '»']).ends_with(['.', '!', '?', ':']);
                let breaks = ends_sentence || (!plain_end && raw.ends_with([',', ';']));
                // "coup d'état", "Côte d'Ivoire": an elided "of" after a word of the phrase is
                // written with the word it is elided onto.
                let elided_onto = if in_phrase { elided_of(raw) } else { None };
                let (part, clitic_after) = if elided_onto.is_some() { (raw, false) } else { word_of(raw) };
                let start = text.len();
                if let Some(word) = elided_onto {
                    text.push_str("d'");
                    push_lowercase(&mut text, word);
                } else {
                    push_lowercase(&mut text, part);
                }
                let w = &text[start..];
                in_phrase = false;
                if !w.is_empty() {
                    let written = if sentence_start || heading {
                        Written::Unknown
                    } else {
                        let core = match part.as_bytes().first() {
                            Some(b) if b.is_ascii_alphanumeric() => part,
                            _ => part.trim_start_matches(|c: char| !c.is_alphanumeric()),
                        };
                        if let Some(word) = elided_onto {
                            if word.starts_with(char::is_uppercase) {
                                Written::Capitalised(core.trim_end_matches(|c: char| !c.is_alphanumeric()))
                            } else {
                                Written::Lowercase
                            }
                        } else if core.starts_with(char::is_uppercase) {
                            Written::Capitalised(core.trim_end_matches(|c: char| !c.is_alphanumeric()))
                        } else {
                            Written::Lowercase
                        }
                    };
                    if rules.breaks(w) {
                        text.truncate(start);
                        spans.push((start, start, Written::Unknown));
                    } else {
                        spans.push((start, text.len(), written));
                        if clitic_after {
                            spans.push((text.len(), text.len(), Written::Unknown));
                        } else {
                            in_phrase = true;
                        }
                    }
                }
                if breaks {
                    spans.push((text.len(), text.len(), Written::Unknown));
                    in_phrase = false;
                }
                sentence_start = ends_sentence;
            }
            // A paragraph ends every phrase.
            spans.push((text.len(), text.len(), Written::Unknown));
        }
        Self { text, spans }
    }

    fn iter(&self) -> impl Iterator<Item = (Option<&str>, Written<'a>)> + '_ {
        self.spans.iter().map(|&(a, b, written)| ((a < b).then(|| &self.text[a..b]), written))
    }
}

/// The word of a whitespace-separated token, and whether a break follows it: a token is cut at
/// an apostrophe before an English clitic ("Abbott's", "don't": the word, then a break) or
/// after an elided article or preposition ("l'État", "dell'anno": the word alone).
fn word_of(raw: &str) -> (&str, bool) {
    // (The curly apostrophe's first byte is 0xE2: most words hold neither.)
    if !raw.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return (raw, false);
    }
    if let Some(at) = raw.find(['\'', '’']) {
        let before = &raw[..at];
        let after = raw[at..].trim_start_matches(['\'', '’']);
        let clitic = after.trim_end_matches(|c: char| !c.is_alphanumeric());
        if ["s", "t", "re", "ve", "ll", "d", "m"].iter().any(|c| clitic.eq_ignore_ascii_case(c)) {
            return (before, true);
        }
        let letters = before.chars().filter(|c| c.is_alphabetic()).count();
        if (1..=4).contains(&letters)
            && !before.chars().any(char::is_uppercase)
            && after.starts_with(char::is_alphabetic)
        {
            return (after, false);
        }
    }
    (raw, false)
}

/// The word an elided "of" is written onto when the token is one ("état" of "d'état", "Ivoire"
/// of "d’Ivoire"): "d", an apostrophe, then a letter.
fn elided_of(raw: &str) -> Option<&str> {
    let rest = raw.strip_prefix('d')?;
    let after = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('’'))?;
    after.starts_with(char::is_alphabetic).then_some(after)
}

/// `part` lowercased onto `text`: its letters, digits, hyphens and the marks written inside its
/// words.
fn push_lowercase(text: &mut String, part: &str) {
    let start = text.len();
    if part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        // (Most words: letters, digits and hyphens only, copied whole and lowercased in place.)
        text.push_str(part);
        text[start..].make_ascii_lowercase();
    } else if part.is_ascii() {
        text.extend(
            part.bytes()
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        text.extend(
            part.chars()
                .filter(|&c| c.is_alphanumeric() || c == '-' || crate::script::is_word_mark(c))
                .flat_map(char::to_lowercase),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_elided_of_stays_inside_its_phrase() {
        let k = keyphrases(
            "Army seizes power in Kelland",
            "The coup d'état in Kelland surprised its neighbours. Envoys condemned the coup d’état on Monday, and the \
             talks moved to Côte d'Ivoire. The coup d'état was the third in a decade; Côte d'Ivoire hosts the talks.",
            Some("en"),
            4,
        );
        assert!(k.contains(&"coup d'état".to_owned()), "{k:?}");
        assert!(k.contains(&"Côte d'Ivoire".to_owned()), "{k:?}");
        assert!(!k.iter().any(|p| p.starts_with("d'") || p.contains("coup état")), "{k:?}");
    }

    #[test]
    fn keyphrases_favour_repeated_title_phrases() {
        let k = keyphrases(
            "Harbour bridge closes for deck repairs",
            "The harbour bridge closes on Monday. Deck repairs take six weeks. Ferries run while the harbour bridge is shut, \
             and deck repairs continue through the night.",
            Some("en"),
            3,
        );
        assert_eq!(k[0], "harbour bridge", "{k:?}");
        assert!(k.contains(&"deck repairs".to_owned()), "{k:?}");
    }

    #[test]
    fn a_phrase_said_once_is_no_keyphrase() {
        let k = keyphrases(
            "Gale warning for the coast",
            "Forecasters issued a gale warning for the coast on Tuesday. The weather service expects the strongest \
             winds around midnight, with heavy rain on higher ground. The gale warning covers the coast road, and \
             the weather service will review it at noon.",
            Some("en"),
            5,
        );
        assert_eq!(k, ["gale warning", "coast", "weather service"], "{k:?}");
        // Said once in the text, it still counts when the headline says it too.
        let k = keyphrases("Heavy rain on the way", "Forecasters expect heavy rain tonight.", Some("en"), 5);
        assert_eq!(k, ["heavy rain"], "{k:?}");
    }

    #[test]
    fn the_articles_language_ends_its_phrases_and_names_keep_their_capitals() {
        let text = "Die Gewerkschaft hat die Beschäftigten im Hafen zum Streik aufgerufen. Die Arbeitgeber nannten \
                    den Streik unverhältnismäßig. Die Gewerkschaft fordert mehr Lohn, die Arbeitgeber haben ein \
                    Angebot angekündigt. Der Streik soll am Donnerstag beginnen, sagte die Gewerkschaft.";
        let k = keyphrases("Streik im Hafen", text, Some("de-DE"), 5);
        assert_eq!(k, ["Streik", "Hafen", "Gewerkschaft", "Arbeitgeber"], "{k:?}");
        // Read as English, German's articles and auxiliaries make phrases of their own.
        let k = keyphrases("Streik im Hafen", text, Some("en"), 5);
        assert!(k.iter().any(|p| p.starts_with("die ")), "{k:?}");

        let k = keyphrases(
            "",
            "Storm Imre reached the coast at dawn. Ferries stayed in port as Storm Imre passed. \
             Forecasters said Storm Imre would weaken. Ferries run again on Friday.",
            Some("en"),
            2,
        );
        // Capitalised inside sentences, the name is written so; "ferries", only ever at a
        // sentence's start, is not.
        assert_eq!(k, ["Storm Imre", "ferries"], "{k:?}");
    }

    #[test]
    fn apostrophes_part_clitics_and_elided_words() {
        let k = keyphrases(
            "",
            "The bill reached Abbott's desk. Abbott's desk is where it stays, Abbott's aides said.",
            Some("en"),
            3,
        );
        assert!(k.contains(&"Abbott".to_owned()) && k.iter().all(|p| !p.contains("abbotts")), "{k:?}");
        let k = keyphrases(
            "",
            "Le budget de l'État reste fragile. Les recettes de l'État ont baissé, selon l'État.",
            Some("fr"),
            3,
        );
        assert_eq!(k.first().map(String::as_str), Some("État"), "{k:?}");
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
        let k = keyphrases("", &text, None, 5);
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
    fn marks_inside_words_stay_in_them() {
        // Tamil's virama and Thai's vowel and tone marks are no letters to `char::is_alphanumeric`.
        let tamil = "சென்னை துறைமுகம் இன்று மீண்டும் திறக்கப்பட்டது. சென்னை துறைமுகம் மூன்று வாரங்கள் மூடப்பட்டிருந்தது.";
        let k = keyphrases("", tamil, Some("ta"), 5);
        assert!(k.contains(&"சென்னை துறைமுகம்".to_owned()), "{k:?}");
        let thai = "เด็กนักเรียน กลับบ้าน วันนี้ ครูบอกว่า เด็กนักเรียน ปลอดภัย";
        let k = keyphrases("", thai, Some("th"), 5);
        assert!(k.contains(&"เด็กนักเรียน".to_owned()), "{k:?}");
    }

    #[test]
    fn nothing_from_nothing() {
        assert!(keyphrases("", "", None, 5).is_empty());
    }
}
