//! Sentence segmentation for news text: standard prose, and lowercased or tokenized text
//! (where a sentence ends with a lone `.` and the next one may start in lowercase).

/// Abbreviations that come before a name and never end a sentence.
use crate::lexicon::english::TITLE_ABBREVIATIONS as TITLES;

/// Abbreviations that are usually inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "co", "corp", "etc", "vs", "v", "no", "nos", "approx", "est", "dept", "univ", "assn", "bros", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "d.c", "l.a", "n.y", "ph.d", "al", "fig", "vol", "pp", "ca",
];

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›'];

/// The sentences of `text`, trimmed, in order. Line breaks always end a sentence.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        split_line(line, &mut out);
    }
    out
}

fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let mixed_case = line.chars().any(char::is_uppercase);
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !TERMINATORS.contains(&c) {
            continue;
        }
        // CJK terminators need no space after them.
        let cjk = matches!(c, '。' | '！' | '？');
        // Take the whole run of terminators and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if TERMINATORS.contains(&d) || CLOSERS.contains(&d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &line[end..];
        if !cjk && !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue; // "3.5", "u.s.-led", "example.com"
        }
        let next = rest.trim_start();
        if next.is_empty() {
            break;
        }
        if c == '.' && !is_boundary_after_period(&line[start..i], next, mixed_case) {
            continue;
        }
        if mixed_case && !cjk && next.starts_with(char::is_lowercase) {
            continue; // "approx. five", "he said. then" is rare; a lowercase start is not a new sentence
        }
        let sentence = line[start..end].trim();
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = end;
    }
    let tail = line[start..].trim();
    if !tail.is_empty() {
        out.push(tail);
    }
}

/// Whether a period after `before` (the sentence so far) ends the sentence.
fn is_boundary_after_period(before: &str, next: &str, mixed_case: bool) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return true; // a lone "." token
    }
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    // Initials: "J. Smith", "george w. bush".
    if lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic) {
        return false;
    }
    if lower == "no" || lower == "nos" {
        return !next.starts_with(|c: char| c.is_ascii_digit());
    }
    let abbreviation = ABBREVIATIONS.contains(&lower.as_str()) || (lower.contains('.') && lower.len() <= 6);
    if abbreviation {
        // "in the U.S. The president ..." ends a sentence in prose; in lowercased text we cannot
        // tell, and the abbreviation is far more often inside one.
        if !(mixed_case && next.starts_with(char::is_uppercase) && ends_sentence_ok(&lower)) {
            return false;
        }
        // A place's letters name what follows more often than they end a sentence ("the 4th
        // U.S. Circuit Court", "U.K. Treasury officials"): only a word that opens sentences
        // (an article, a pronoun, a conjunction) follows them as a new sentence.
        if matches!(lower.as_str(), "u.s" | "u.k" | "u.n" | "d.c") {
            let first = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
            return crate::lexicon::english::is_stop_word(&first);
        }
        return true;
    }
    true
}

/// Abbreviations that can also end a sentence in prose.
fn ends_sentence_ok(lower: &str) -> bool {
    matches!(
        lower,
        "inc" | "ltd" | "co" | "corp" | "etc" | "u.s" | "u.k" | "u.n" | "a.m" | "p.m" | "d.c" | "bros" | "al"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
    }

    #[test]
    fn prose_with_abbreviations_numbers_and_quotes() {
        let text = "Dr. Ana Ruiz met Mr. J. Smith at 3.30 p.m. on Monday. The U.S. envoy paid $4.5 million. \
                    \"We are only at the beginning,\" she said. Talks resume on Jan. 5 at No. 10 Downing St. Is that all? Yes!";
        assert_eq!(
            split(text),
            [
                "Dr. Ana Ruiz met Mr. J. Smith at 3.30 p.m. on Monday.",
                "The U.S. envoy paid $4.5 million.",
                "\"We are only at the beginning,\" she said.",
                "Talks resume on Jan. 5 at No. 10 Downing St. Is that all?",
                "Yes!",
            ]
        );
    }

    #[test]
    fn sentences_ending_inside_quotes() {
        assert_eq!(split("He said: \"It is over.\" Then he left."), ["He said: \"It is over.\"", "Then he left."]);
        assert_eq!(split("Wait… What happened?! Nobody knows."), ["Wait…", "What happened?!", "Nobody knows."]);
    }

    #[test]
    fn lowercased_text() {
        let text = "(cnn) the u.s. envoy met mr. smith on monday. \u{201c}it is hard,\u{201d} he said. talks resume in jan. next year. done";
        assert_eq!(
            split(text),
            [
                "(cnn) the u.s. envoy met mr. smith on monday.",
                "\u{201c}it is hard,\u{201d} he said.",
                "talks resume in jan. next year.",
                "done"
            ]
        );
    }

    #[test]
    fn lines_always_end_sentences_and_cjk_needs_no_space() {
        assert_eq!(split("Title without stop\nBody one. Body two."), ["Title without stop", "Body one.", "Body two."]);
        assert_eq!(split("港口大桥周一重新开放。渡轮将于周五停运。"), ["港口大桥周一重新开放。", "渡轮将于周五停运。"]);
    }

    #[test]
    fn a_places_letters_before_a_name_do_not_end_a_sentence() {
        assert_eq!(
            split(
                "The harbour board lost its case at the 11th U.S. Circuit in May. It paid. Troops left the U.S. They flew home. The U.N. Security Council met in Washington, D.C. On Friday it voted."
            ),
            [
                "The harbour board lost its case at the 11th U.S. Circuit in May.",
                "It paid.",
                "Troops left the U.S.",
                "They flew home.",
                "The U.N. Security Council met in Washington, D.C.",
                "On Friday it voted."
            ]
        );
    }

    #[test]
    fn urls_and_decimals_do_not_split() {
        assert_eq!(split("See example.com for 2.5% more. Done."), ["See example.com for 2.5% more.", "Done."]);
    }
}
