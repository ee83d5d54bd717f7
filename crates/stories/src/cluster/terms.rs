//! What an article is about, as terms: its words, and its anchors.
//!
//! Words are the text's own vocabulary: lowercased, lightly stemmed words in scripts that
//! put spaces between words, and character pairs in scripts that do not (Chinese, Japanese,
//! Thai), so that text without spaces still has terms. Words only meet words of the same
//! language.
//!
//! Anchors are what stays the same when the event is told in another language: names
//! (capitalized words, folded to plain Latin letters so that "Sääland", "Saaland" and "Сааланд"
//! meet) and numbers (digits of any script: "82", "٨٢" and "८२" meet).

use crate::gazetteer;
use crate::script::{digit_value, fold_to_latin, is_cased_letter, is_cjk, is_unspaced};

/// The dominant writing system of a text, for counting documents per script: a word's
/// rarity is judged among texts that could contain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Indic,
    Cjk,
    Hangul,
    SoutheastAsian,
    Other,
}

impl Script {
    pub(crate) const ALL: usize = 10;

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    fn of(c: char) -> Self {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Self::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Self::Greek,
            0x400..=0x52F => Self::Cyrillic,
            0x590..=0x5FF => Self::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Self::Arabic,
            0x900..=0xDFF => Self::Indic,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Self::Hangul,
            0xE00..=0xEFF | 0x1000..=0x109F | 0x1780..=0x17FF => Self::SoutheastAsian,
            _ if is_cjk(c) => Self::Cjk,
            _ => Self::Other,
        }
    }

    /// The script most letters of `text` are written in.
    pub(crate) fn dominant(text: &str) -> Self {
        let mut counts = [0u32; Self::ALL];
        for c in text.chars().filter(|c| c.is_alphabetic()).take(400) {
            // A character of an unspaced script is about a word's worth of text.
            counts[Self::of(c).index()] += if is_unspaced(c) { 2 } else { 1 };
        }
        let best = (0..Self::ALL).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
        [
            Self::Latin,
            Self::Cyrillic,
            Self::Greek,
            Self::Arabic,
            Self::Hebrew,
            Self::Indic,
            Self::Cjk,
            Self::Hangul,
            Self::SoutheastAsian,
            Self::Other,
        ][best]
    }
}

/// One token of running text.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// A word of a spaced script, as written, and whether it opens a sentence.
    Word { text: &'a str, opens_sentence: bool },
    /// Two neighbouring characters of an unspaced script (one, for a lone character).
    Pair(&'a str),
    /// A number, in ASCII digits ("1,200" is "1200"; "2.5" stays "2.5").
    Number(String),
}

/// The tokens of `text`, in order.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut opens_sentence = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if digit_value(c).is_some() {
            let (number, used) = read_number(rest);
            out.push(Token::Number(number));
            rest = &rest[used..];
            opens_sentence = false;
        } else if is_unspaced(c) {
            let end = rest.find(|c: char| !is_unspaced(c)).unwrap_or(rest.len());
            let run = &rest[..end];
            let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).chain([run.len()]).collect();
            if starts.len() == 2 {
                out.push(Token::Pair(run));
            }
            for w in starts.windows(3) {
                out.push(Token::Pair(&run[w[0]..w[2]]));
            }
            rest = &rest[end..];
            opens_sentence = false;
        } else if c.is_alphabetic() {
            // ASCII letters always continue a word: skipped a byte at a time, and only what
            // follows them is read as characters.
            let ascii = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            let end = rest[ascii..]
                .char_indices()
                .map(|(i, c)| (ascii + i, c))
                .find(|&(i, c)| {
                    let inside = is_inner_mark(c) || c.is_alphabetic() && !is_unspaced(c);
                    // An apostrophe or hyphen between letters belongs to the word.
                    let joiner =
                        matches!(c, '\'' | '’' | '-') && rest[i + c.len_utf8()..].starts_with(char::is_alphabetic);
                    !(inside || joiner)
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push(Token::Word { text: &rest[..end], opens_sentence });
            rest = &rest[end..];
            opens_sentence = false;
        } else {
            if matches!(c, '.' | '!' | '?' | ':' | '\n' | '。' | '！' | '？' | '؟' | '।') {
                opens_sentence = true;
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Combining marks and joiners that belong inside a word (accents, Indic vowel signs and
/// viramas, Arabic and Hebrew points, zero-width joiners).
fn is_inner_mark(c: char) -> bool {
    digit_value(c).is_none()
        && matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670
            | 0x900..=0xDFF | 0x200C..=0x200D)
        && !matches!(c, '।' | '॥')
}

/// Reads the number at the start of `text`: its ASCII form and the bytes it used.
fn read_number(text: &str) -> (String, usize) {
    let mut number = String::new();
    let mut used = 0;
    let mut chars = text.char_indices().peekable();
    let mut group = 0;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit_value(c) {
            number.push(char::from_digit(d, 10).unwrap_or('0'));
            group += 1;
            used = i + c.len_utf8();
            chars.next();
            continue;
        }
        if matches!(c, ',' | '.' | '٬' | '٫') {
            // A separator followed by digits: thousands when exactly three follow, else decimals.
            let after = &text[i + c.len_utf8()..];
            let digits = after.chars().take_while(|&c| digit_value(c).is_some()).count();
            if digits == 3 && group > 0 && after.chars().nth(3).is_none_or(|c| digit_value(c).is_none()) {
                chars.next();
                group = 0;
                continue;
            }
            if digits > 0 && digits != 3 && matches!(c, '.' | '٫') && !number.contains('.') {
                number.push('.');
                chars.next();
                group = 0;
                continue;
            }
        }
        break;
    }
    (number, used.max(1))
}

/// A word as a term: lowercased, not a stop word, at least three letters, lightly stemmed
/// when written in Latin letters.
pub(crate) fn content_word(word: &str) -> Option<String> {
    // (A word in lowercase letters, the most often seen, is read before any copy is made.)
    let plain = word.bytes().all(|b| b.is_ascii_lowercase());
    if plain && (word.len() < 3 || super::is_stop_word(word)) {
        return None;
    }
    // One string, cut in place.
    let mut lower = if plain { word.to_owned() } else { word.to_lowercase() };
    if !plain && (lower.chars().count() < 3 || super::is_stop_word(&lower)) {
        return None;
    }
    // Possessives fold: "Blumenthal's" is "Blumenthal".
    if let Some(kept) = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).map(str::len) {
        lower.truncate(kept);
    }
    if lower.is_ascii()
        && lower.len() > 5
        && let Some(suffix) = ["ing", "ed", "es", "s"].into_iter().find(|s| lower.ends_with(s))
    {
        lower.truncate(lower.len() - suffix.len());
    }
    Some(lower)
}

/// True when `word` starts with a capital letter (or is an acronym of capitals).
fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| is_cased_letter(c) && c.is_uppercase())
}

/// The places a headline names, as language-independent keys: countries by their ISO code
/// (in any language the gazetteer knows), US states and regions by their name; sorted.
pub(crate) fn headline_places(title: &str) -> Vec<u64> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
        .map(|w| w.trim_matches(['-', '.']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<u64> = Vec::new();
    // Countries and the places within them are keyed apart (the lowest bit says which), so
    // that a country's story and one of its states' do not conflict: only two countries, or
    // two states, do.
    let key = |name: &str| -> Option<u64> {
        if let Some(code) = crate::gazetteer::territory(name) {
            return Some(crate::hash::hash_str(code) & !1);
        }
        let place = crate::entities::known_place(name)?;
        // US states and the regions of the gazetteer (not cities: a city's story names its
        // country or state as often).
        let main = place.main.unwrap_or(name);
        let country = crate::gazetteer::territory(&main.to_lowercase());
        match country {
            Some(code) => Some(crate::hash::hash_str(code) & !1),
            None => place.is_region().then(|| crate::hash::hash_str(main) | 1),
        }
    };
    let mut i = 0;
    while i < words.len() {
        if let Some(k) = words.get(i + 1).and_then(|next| key(&format!("{} {next}", words[i]))) {
            out.push(k);
            i += 2;
            continue;
        }
        if words[i].chars().count() >= 3
            && let Some(k) = key(&words[i])
        {
            out.push(k);
        }
        i += 1;
    }
    out.sort_unstable();
    out.dedup();
    out.truncate(8);
    out
}

/// The words of a headline that say what happened rather than who or where: its content
/// words that are not names (and pairs of characters in unspaced scripts). Whether a
/// capitalized word is a name is judged by how the body writes it (a word the body
/// capitalizes mid-sentence and never writes in lowercase, or an acronym), whatever the
/// headline's style.
pub(crate) fn headline_words(title: &[Token<'_>], body: &[Token<'_>]) -> Vec<String> {
    let stem = |w: &str| -> String {
        let lower = w.to_lowercase();
        lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(&lower).to_owned()
    };
    // Only the headline's capitalized words need judging: how does the body write them?
    let mut capitals: Vec<(String, bool, bool)> = title
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } if capitalized(text) => Some((stem(text), false, false)),
            _ => None,
        })
        .collect();
    if !capitals.is_empty() {
        for token in body {
            let Token::Word { text, opens_sentence } = token else { continue };
            for (word, named, lower) in &mut capitals {
                let body_word = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
                if body_word.len() == word.len() && body_word.to_lowercase() == *word {
                    if !capitalized(text) {
                        *lower = true;
                    } else if !opens_sentence {
                        *named = true;
                    }
                }
            }
        }
    }
    let mut common = Vec::new();
    for token in title {
        match token {
            Token::Word { text, .. } => {
                let name = capitalized(text) && {
                    let word = stem(text);
                    let (named, lower) =
                        capitals.iter().find(|(w, ..)| *w == word).map_or((false, false), |&(_, n, l)| (n, l));
                    named && !lower || !text.chars().any(char::is_lowercase) && text.chars().count() > 1
                };
                if !name && let Some(w) = content_word(text) {
                    common.push(w);
                }
            }
            Token::Pair(pair) => common.push((*pair).to_owned()),
            Token::Number(_) => {}
        }
    }
    common
}

/// The anchors of a text: names (capitalized words that do not merely open a sentence,
/// folded to Latin letters) and numbers of two or more digits.
pub(crate) fn anchors(text: &str, tokens: &[Token<'_>]) -> Vec<String> {
    // A capitalized word opening a sentence is a name when it is capitalized elsewhere in
    // the text too, or when the next word is capitalized ("Mara Okafor said").
    let mid_sentence: crate::hash::HashSet<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, opens_sentence: false } if capitalized(text) => Some(*text),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Word { text, opens_sentence } if capitalized(text) => {
                let next_capitalized = matches!(tokens.get(i + 1), Some(Token::Word { text, .. }) if capitalized(text));
                if *opens_sentence && !next_capitalized && !mid_sentence.contains(text) {
                    continue;
                }
                let word = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
                if super::is_stop_word(&word.to_lowercase()) {
                    continue;
                }
                push_city(&mut out, word);
                // Each part of a hyphenated name is a name ("Jean-Luc", "Sánchez-Vidal").
                for part in word.split(['-', '\'', '’']) {
                    let key = fold_to_latin(part);
                    if key.len() >= 2 {
                        out.push(format!("~{key}"));
                    }
                    push_skeleton(&mut out, part);
                }
            }
            // Scripts without capitals cannot mark names: every word may be one.
            Token::Word { text, .. } if text.chars().next().is_some_and(|c| !is_cased_letter(c)) => {
                push_skeleton(&mut out, text);
                push_city(&mut out, text);
            }
            Token::Number(n) if n.len() >= 2 => out.push(format!("#{n}")),
            _ => {}
        }
    }
    // Text in a script without spaces (its tokens are character pairs).
    let unspaced = tokens.iter().any(|t| matches!(t, Token::Pair(_)));
    // Thai runs its words together, but sets a foreign name apart with spaces: short runs.
    if unspaced {
        for run in text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
            if run
                .chars()
                .next()
                .is_some_and(|c| ('\u{0E01}'..='\u{0E2E}').contains(&c) || ('\u{0E40}'..='\u{0E44}').contains(&c))
                && run.chars().count() <= SHORT_RUN
            {
                push_skeleton(&mut out, run);
            }
        }
    }
    // Chinese writes a foreign name's parts with a dot between them ("亨里克·桑佩特科"): the
    // characters after a dot begin a name, which ends somewhere within a few characters.
    for (at, dot) in text.match_indices(['·', '・', '‧']) {
        let run: Vec<char> = text[at + dot.len()..].chars().take_while(|&c| is_unspaced(c)).take(HAN_NAME).collect();
        for end in 2..=run.len() {
            let skeleton = crate::skeleton::han_skeleton(&run[..end].iter().collect::<String>());
            if skeleton.len() >= SKELETON_CLASSES {
                out.push(format!("%{skeleton}"));
            }
        }
    }
    out.extend(places_and_dates(text, tokens));
    // What happened, in any language ("dies", "умер", "去世").
    let words = tokens.iter().filter_map(|t| match t {
        Token::Word { text, .. } => Some(*text),
        _ => None,
    });
    out.extend(crate::concepts::concepts_in(words, text, unspaced).into_iter().map(|c| format!("^{c}")));
    out
}

/// People a city of the gazetteer needs for its name to be an anchor (smaller places' names
/// are too often other words too).
const CITY_POPULATION: u64 = 100_000;

/// A city named in any language or script the gazetteer knows ("Kyiv", "Киев", "Киеве",
/// "كييف") as one anchor: "@=kyiv".
fn push_city(out: &mut Vec<String>, word: &str) {
    let city = |name: String| {
        let place = crate::entities::known_place(&name).filter(|p| p.population >= CITY_POPULATION)?;
        Some(format!("@={}", place.main.map_or(name, str::to_lowercase)))
    };
    let lower = word.to_lowercase();
    let cyrillic = lower.starts_with(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let found = city(lower.clone()).or_else(|| {
        // Cyrillic case endings: "Киеве" is "Киев".
        let chars: Vec<char> = lower.chars().collect();
        (cyrillic && chars.len() >= 5)
            .then(|| (1..=2).find_map(|cut| city(chars[..chars.len() - cut].iter().collect())))
            .flatten()
    });
    out.extend(found);
}

/// Characters of a name's part written in Han characters at most.
const HAN_NAME: usize = 6;

/// Consonant classes a name needs for its skeleton to be an anchor: shorter skeletons are
/// shared by too many names (many names of two syllables have the same three).
const SKELETON_CLASSES: usize = 5;
/// Characters of a run of Thai letters between spaces that may be a name.
const SHORT_RUN: usize = 12;

/// A name's consonant skeleton as an anchor ("%SNTPT"), the key that names written in
/// Korean, Thai, Arabic, Georgian or Indic scripts share with their Latin and Cyrillic forms.
fn push_skeleton(out: &mut Vec<String>, word: &str) {
    let skeleton = crate::skeleton::skeleton(word);
    if skeleton.len() >= SKELETON_CLASSES {
        out.push(format!("%{skeleton}"));
    }
}

/// Anchors from the gazetteer: territories ("@IT") named in any language, and dates
/// ("@12-31") written as a day and a month name in any language, or as `12月31日`.
fn places_and_dates(text: &str, tokens: &[Token<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    // Only words that could be part of a place name or a date are lowercased: capitalized
    // words and words of scripts without capitals (a country's name is capitalized wherever
    // there are capitals), and the words beside a number.
    let near_number = |i: usize| {
        matches!(tokens.get(i + 1), Some(Token::Number(_))) || i > 0 && matches!(tokens[i - 1], Token::Number(_))
    };
    let lower: Vec<Option<String>> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match t {
            Token::Word { text, .. }
                if text.len() <= 48
                    && (near_number(i)
                        || text.chars().next().is_some_and(|c| !is_cased_letter(c) || c.is_uppercase())) =>
            {
                Some(text.to_lowercase())
            }
            Token::Pair(pair) if near_number(i) => Some((*pair).to_owned()),
            _ => None,
        })
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let Some(word) = &lower[i] else {
            i += 1;
            continue;
        };
        if matches!(tokens[i], Token::Word { .. }) {
            if gazetteer::starts_phrase(word) {
                let phrase: Vec<String> = lower[i..].iter().take(4).map_while(Clone::clone).collect();
                if let Some((code, n)) = gazetteer::territory_phrase(&phrase) {
                    out.push(format!("@{code}"));
                    i += n;
                    continue;
                }
            }
            // "Wielkiej Brytanii": a name of two words in a case form.
            if gazetteer::starts_declined_phrase(word)
                && let Some(Some(next)) = lower.get(i + 1)
                && let Some(code) = gazetteer::territory(&format!("{word} {next}"))
            {
                out.push(format!("@{code}"));
                i += 2;
                continue;
            }
            if let Some(code) = gazetteer::territory(word) {
                out.push(format!("@{code}"));
            }
        }
        i += 1;
    }
    if tokens.iter().any(|t| matches!(t, Token::Pair(_))) {
        out.extend(gazetteer::territories_unspaced(text).into_iter().map(|code| format!("@{code}")));
    }
    let number = |i: usize| match tokens.get(i) {
        Some(Token::Number(n)) => n.parse::<u32>().ok(),
        _ => None,
    };
    let month_word = |i: usize| lower.get(i).and_then(|w| w.as_deref()).and_then(gazetteer::month);
    for i in 0..tokens.len() {
        // A date has a number first or second.
        if !matches!(tokens[i], Token::Number(_)) && !matches!(tokens.get(i + 1), Some(Token::Number(_))) {
            continue;
        }
        let date = if let (Some(day), Some(month)) = (number(i), month_word(i + 1)) {
            Some((month, day))
        } else if let (Some(month), Some(day)) = (month_word(i), number(i + 1)) {
            Some((month, day))
        } else if let (Some(month), Some("月" | "월"), Some(day)) =
            (number(i), lower.get(i + 1).and_then(|w| w.as_deref()), number(i + 2))
        {
            Some((month, day))
        } else {
            None
        };
        if let Some((month, day)) = date.filter(|&(m, d)| (1..=12).contains(&m) && (1..=31).contains(&d)) {
            out.push(format!("@{month:02}-{day:02}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text)
            .into_iter()
            .filter_map(|t| match t {
                Token::Word { text, .. } | Token::Pair(text) => Some(text),
                Token::Number(_) => None,
            })
            .collect()
    }

    #[test]
    fn spaced_words_keep_apostrophes_and_hyphens_inside() {
        assert_eq!(
            words("Brandt's lead, O'Neill's vote - a well-known 'case'"),
            ["Brandt's", "lead", "O'Neill's", "vote", "a", "well-known", "case"]
        );
    }

    #[test]
    fn unspaced_scripts_become_character_pairs() {
        assert_eq!(words("北京市长"), ["北京", "京市", "市长"]);
        assert_eq!(words("在北京 Beijing"), ["在北", "北京", "Beijing"]);
        assert_eq!(words("京"), ["京"]);
    }

    #[test]
    fn numbers_of_any_script_and_with_separators() {
        let numbers = |text: &str| -> Vec<String> {
            tokens(text)
                .into_iter()
                .filter_map(|t| match t {
                    Token::Number(n) => Some(n),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(numbers("1,200 people, 2.5 percent, 52%, ٨٢ عامًا, 2022年"), ["1200", "2.5", "52", "82", "2022"]);
        assert_eq!(numbers("In 2021, 14 died."), ["2021", "14"]);
    }

    #[test]
    fn anchors_are_names_and_numbers_not_sentence_openers() {
        let text = "The road closed. Officials said Mara Okafor led 182 workers. Okafor spoke.";
        let a = anchors(text, &tokens(text));
        assert_eq!(a, ["~mara", "~okafor", "#182", "~okafor"]);
        // The same name in Cyrillic gives the same anchor.
        let ru = anchors("Сообщил инженер Мара Окафор.", &tokens("Сообщил инженер Мара Окафор."));
        assert!(ru.contains(&"~okafor".to_owned()), "{ru:?}");
    }

    #[test]
    fn long_names_meet_across_scripts_by_their_consonants() {
        let skeletons = |text: &str| -> Vec<String> {
            anchors(text, &tokens(text)).into_iter().filter(|a| a.starts_with('%')).collect()
        };
        assert_eq!(skeletons("Officials said Henrik Sandvelder resigned."), ["%SNTPT"]);
        assert_eq!(skeletons("지휘자 헨리크 산드벨데르가 사임했다."), ["%SNTPT"]);
        assert_eq!(skeletons("استقال هنريك ساندفيلدر من منصبه."), ["%SNTPT"]);
        // In Chinese the name's part after the dot, however far it runs.
        assert!(skeletons("指挥家亨里克·桑佩特科辞职").contains(&"%SNPTK".to_owned()));
        // Short names give none: too many share them.
        assert!(skeletons("Officials said Mara Okafor resigned.").is_empty());
    }

    #[test]
    fn a_city_is_one_anchor_in_every_language() {
        let cities = |text: &str| -> Vec<String> {
            anchors(text, &tokens(text)).into_iter().filter(|a| a.starts_with("@=")).collect()
        };
        assert_eq!(cities("A tram derailed in Wrocław on Monday."), ["@=wrocław"]);
        assert_eq!(cities("The Breslau tram derailed."), ["@=wrocław"]);
        // Russian declines it: "во Вроцлаве".
        assert_eq!(cities("Трамвай сошёл с рельсов во Вроцлаве."), ["@=wrocław"]);
        assert_eq!(cities("خرج ترام عن مساره في فروتسواف"), ["@=wrocław"]);
        // A capitalised word that is no city gives none.
        assert!(cities("Officials said Mara Okafor resigned.").is_empty());
    }

    #[test]
    fn the_kind_of_event_is_an_anchor_in_any_language() {
        let kinds = |text: &str| -> Vec<String> {
            anchors(text, &tokens(text)).into_iter().filter(|a| a.starts_with('^')).collect()
        };
        for text in [
            "An earthquake shook the mountain town on Monday.",
            "Землетрясение произошло в горном городке.",
            "山区小镇发生地震。",
            "산간 마을에서 지진이 발생했다.",
            "ضرب زلزال البلدة الجبلية.",
        ] {
            assert_eq!(kinds(text), ["^earthquake"], "{text}");
        }
        // Another event: another kind.
        assert_eq!(kinds("The finance minister resigned on Monday."), ["^resign"]);
    }

    #[test]
    fn places_and_dates_in_any_language() {
        let of = |text: &str| places_and_dates(text, &tokens(text));
        assert_eq!(of("Elections in Italy on 25 September."), ["@IT", "@09-25"]);
        assert_eq!(of("Выборы в Италии 25 сентября."), ["@IT", "@09-25"]);
        assert_eq!(of("意大利9月25日举行选举"), ["@IT", "@09-25"]);
        assert_eq!(of("New Zealand votes on October 14"), ["@NZ", "@10-14"]);
        // Polish declines them: "Wielka Brytania", "Rosja".
        assert_eq!(of("Wybory w Wielkiej Brytanii i w Rosji 25 września."), ["@GB", "@RU", "@09-25"]);
    }

    #[test]
    fn headline_words_that_are_not_names() {
        let body = tokens("Dock workers at Port Kessa went on strike. Union leader Sefa Mensah spoke for the union.");
        let words = headline_words(&tokens("Port Kessa Dock Strike Enters Second Day"), &body);
        assert_eq!(words, ["dock", "strike", "enter", "second"]);
        let words = headline_words(&tokens("Mensah: no deal at Port Kessa"), &body);
        assert_eq!(words, ["deal"]);
    }

    #[test]
    fn dominant_script() {
        assert_eq!(Script::dominant("Дунак умер в 82 года"), Script::Cyrillic);
        assert_eq!(Script::dominant("桑佩特科去世 Sanpetko"), Script::Cjk);
        assert_eq!(Script::dominant("Sanpetko dies"), Script::Latin);
    }
}
