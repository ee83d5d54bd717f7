//! Extractive summaries from the lead of an article.
//!
//! News is written lead first: the first sentences say what happened. The summary takes the
//! leading sentences that are article text (not bylines, datelines, photo credits or calls to
//! action) and that say what happened rather than draw the reader in (not questions, quoted
//! speech, first-person accounts or fragments), and that add to what the summary says (not
//! mostly its words again), without the wire dateline in front of the first one: up to three
//! sentences and 100 words, about 75 on average.

use crate::sentences::split_sentences;

/// Sentences shorter than this are fragments, not a lead.
const MIN_SENTENCE_WORDS: usize = 8;

/// Characters of the article read for its summary.
const LEAD_CHARS: usize = 6000;

/// How long a summary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryConfig {
    /// Stop adding sentences once the summary has this many words. (Measured on
    /// ../shared/eval/summaries with bench/summaries.sh; see BENCHMARKS.md.)
    pub min_words: usize,
    /// Do not add a sentence that would take the summary past this many words (unless the
    /// summary would otherwise be empty).
    pub max_words: usize,
    pub max_sentences: usize,
    /// The article's language (a BCP 47 tag), when known: rules that read English words
    /// (first-person pronouns) apply to English and to text of unknown language only.
    pub language: Option<&'static str>,
}

impl Default for SummaryConfig {
    fn default() -> Self {
        Self { min_words: 75, max_words: 100, max_sentences: 3, language: None }
    }
}

/// The summary of `text` as its sentences, in article order. Empty when the text has no
/// sentence that is article text.
#[must_use]
pub fn summarize(text: &str, config: &SummaryConfig) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    let mut words = 0;
    let reads_english = config.language.is_none_or(|l| l == "en" || l.starts_with("en-"));
    // The content words of the sentences chosen.
    let mut said: std::collections::HashSet<String> = std::collections::HashSet::new();
    // The first sentence passed over, for an article that is nothing but such sentences.
    let mut skipped: Option<&str> = None;
    // The leading first-person sentences, for an article told in the first person (a column,
    // a blog): its summary is then its own lead.
    let mut told: Vec<&str> = Vec::new();
    // The lead is all a summary uses: read the first few thousand characters only.
    let lead = match text.char_indices().nth(LEAD_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let sentences = split_sentences(lead);
    // The text's last sentence, when the text ends in an ellipsis, is cut off (a feed's
    // teaser, a page's excerpt): "The council voted on Tuesday to …".
    let cut_off = (lead.len() == text.len() && ends_cut_off(text)).then(|| sentences.len().saturating_sub(1));
    for (i, raw) in sentences.into_iter().enumerate().take(40) {
        let sentence = if i < 3 { strip_dateline(raw) } else { raw };
        if is_furniture(sentence) {
            continue;
        }
        let n = word_count(sentence);
        if n < 4 || is_hook(sentence, n) || cut_off == Some(i) || is_transcript_line(sentence) {
            skipped.get_or_insert(sentence);
            continue;
        }
        if reads_english && is_first_person(sentence) {
            if told.len() < config.max_sentences {
                told.push(sentence);
            }
            continue;
        }
        // A sentence that mostly repeats what the summary says already adds nothing to it.
        let content = content_words(sentence);
        if !chosen.is_empty() && !content.is_empty() {
            let repeated = content.iter().filter(|w| said.contains(*w)).count();
            if repeated * 2 > content.len() {
                continue;
            }
        }
        if !chosen.is_empty() && words + n > config.max_words {
            break;
        }
        chosen.push(sentence.to_owned());
        said.extend(content);
        words += n;
        if words >= config.min_words || chosen.len() >= config.max_sentences {
            break;
        }
    }
    if chosen.is_empty() {
        for sentence in told {
            let n = word_count(sentence);
            if !chosen.is_empty() && words + n > config.max_words {
                break;
            }
            chosen.push(sentence.to_owned());
            words += n;
            if words >= config.min_words {
                break;
            }
        }
    }
    if chosen.is_empty()
        && let Some(s) = skipped
    {
        chosen.push(s.to_owned());
    }
    chosen
}

/// True when a text ends in an ellipsis ("...", "…", "[…]", "[...]"), as a teaser or an
/// excerpt cut off in the middle of a sentence does.
fn ends_cut_off(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']).trim_end();
    end.ends_with("...") || end.ends_with('…')
}

/// A sentence that draws the reader in rather than saying what happened: a question, a
/// sentence that opens with a quotation, or a fragment of a few words.
fn is_hook(s: &str, words: usize) -> bool {
    let s = s.trim();
    let opens_with_quote = s.starts_with('"') || s.starts_with('\u{201c}') || s.starts_with('\u{201e}');
    let question = s.trim_end_matches(['"', '\u{201d}', '\u{201c}', '\'', '\u{2019}']).ends_with('?');
    words < MIN_SENTENCE_WORDS || question || (opens_with_quote && is_speech(s))
}

/// True when a sentence says "I", "me", "my", "we" or "our". News is told in the third
/// person; such a sentence is someone's account or the writer's aside, passed over like a
/// hook unless the whole lead is told that way.
fn is_first_person(s: &str) -> bool {
    const FIRST_PERSON: &[&str] = &["i", "me", "my", "we", "our"];
    s.split(|c: char| !c.is_alphanumeric()).any(|w| FIRST_PERSON.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// The lowercase words of a sentence that say what it is about (not stop words).
fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !crate::lexicon::english::is_stop_word(w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when a sentence reports speech ("..., he said"), as opposed to quoting a title.
fn is_speech(s: &str) -> bool {
    use crate::lexicon::english::SPEECH_VERBS;
    s.split(|c: char| !c.is_alphanumeric()).any(|w| SPEECH_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// Words: tokens with a letter or digit.
fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The label of a line of a transcript ("ANA KELL: ...", "SEN. BO DART (R-Kell.): ..."): words
/// in capitals before a colon, naming no place. What follows is someone speaking, not the
/// report (a dateline such as "NEW DELHI: ..." names a place, and is a dateline).
fn is_transcript_line(s: &str) -> bool {
    let Some((label, rest)) = s.split_once(':') else { return false };
    if label.chars().count() > 40 || word_count(rest) < 4 {
        return false;
    }
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    // (The party and state in parentheses may be in lowercase: "(R-Kell.)".)
    let outside: String = label.split('(').next().unwrap_or(label).to_owned();
    // (One word is a kicker as often as a speaker: "BREAKING:", "UPDATE:".)
    outside.split_whitespace().count() >= 2
        && letters.len() >= 4
        && outside.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && !crate::entities::names_a_place(outside.trim().trim_end_matches(',').to_lowercase().as_str())
}

/// Removes a wire dateline: "LONDON, England (CNN) -- ", "WASHINGTON (Reuters) - ".
fn strip_dateline(s: &str) -> &str {
    const AGENCIES: &[&str] =
        &["cnn", "reuters", "ap", "afp", "upi", "bloomberg", "dpa", "efe", "ansa", "pa", "xinhua"];
    let head: String = s.chars().take(80).collect::<String>().to_lowercase();
    for agency in AGENCIES {
        for form in [format!("({agency})")] {
            if let Some(at) = head.find(&form) {
                let cut = at + form.len();
                // Byte offset in `s`: `head` is a lowercased prefix; lowercase keeps ASCII widths, and the
                // agency forms are ASCII, so map through char counts to be safe.
                let chars = head[..cut].chars().count();
                let byte = s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b);
                let rest = s[byte..].trim_start();
                let rest = rest.trim_start_matches(['-', '—', '–', ':']).trim_start();
                if word_count(rest) >= 4 {
                    return rest;
                }
            }
        }
    }
    s
}

/// Page furniture that is not article text.
fn is_furniture(s: &str) -> bool {
    let lower = s.to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    let has = |p: &str| lower.contains(p);
    let short = word_count(s) < 16;
    (starts("by ") && short)
        || has("published :")
        || has("published:")
        || has("updated :")
        || has("updated:")
        || has("last updated")
        || (has("| .") && short)
        || starts("click here")
        || starts("read more")
        || starts("follow ")
        || starts("sign up")
        || starts("share this")
        || starts("photo:")
        || starts("photo :")
        || starts("image:")
        || starts("pictured")
        || starts("advertisement")
        || starts("copyright")
        || has("all rights reserved")
        || (has("getty images") && short)
        || (has("e-mail to a friend") || has("email to a friend"))
        || has("republished with permission")
        || ((has("first appeared") || has("originally published")) && word_count(s) < 24)
        || starts("related:")
        || starts("watch:")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "PORT ALDER, Coastland (Reuters) -- The harbour bridge will close for six weeks from Monday while crews replace worn deck plates, the city council said on Friday.\n\
        By Nell Ashdown, Harbour Post.\n\
        Two extra ferries will run every ten minutes between the fish quay and Eastgate during the closure.\n\
        Photo: the bridge at dawn.\n\
        Shops in the old town expect a quiet month, and the chamber of commerce has asked for a rates holiday.\n\
        The council expects the next maintenance in 2031.";

    #[test]
    fn takes_the_lead_without_furniture_or_dateline() {
        let s = summarize(ARTICLE, &SummaryConfig::default());
        assert_eq!(
            s,
            [
                "The harbour bridge will close for six weeks from Monday while crews replace worn deck plates, the city council said on Friday.",
                "Two extra ferries will run every ten minutes between the fish quay and Eastgate during the closure.",
                "Shops in the old town expect a quiet month, and the chamber of commerce has asked for a rates holiday.",
            ]
        );
        let words: usize = s.iter().map(|x| word_count(x)).sum();
        assert!((40..=75).contains(&words), "{words}");
    }

    #[test]
    fn long_sentences_stop_early_and_nothing_is_empty_when_text_exists() {
        let long = format!("{} end.", "word ".repeat(90));
        assert_eq!(
            summarize(&format!("{long} Second sentence here is fine."), &SummaryConfig::default()),
            [long.as_str()]
        );
        assert!(summarize("", &SummaryConfig::default()).is_empty());
        assert!(summarize("Click here to subscribe now.", &SummaryConfig::default()).is_empty());
    }

    #[test]
    fn a_teaser_cut_off_mid_sentence_gives_its_whole_sentences_only() {
        let teaser = "The harbour bridge will close for six weeks from Monday while crews replace worn deck plates. \
                      Two extra ferries will run every ten minutes between the fish quay and Eastgate while the";
        for end in ["...", "…", " […]", " [...]", "…\u{201d}"] {
            let s = summarize(&format!("{teaser}{end}"), &SummaryConfig::default());
            assert_eq!(
                s,
                ["The harbour bridge will close for six weeks from Monday while crews replace worn deck plates."],
                "{end}"
            );
        }
        // An ellipsis inside the text cuts nothing off; a text that is one cut sentence is
        // still its own summary.
        let s = summarize(&format!("{teaser}... during the closure, the council said."), &SummaryConfig::default());
        assert_eq!(s.len(), 2, "{s:?}");
        let one = "Two extra ferries will run every ten minutes between the fish quay and Eastgate while the…";
        assert_eq!(summarize(one, &SummaryConfig::default()), [one]);
    }

    #[test]
    fn a_transcript_speaker_is_not_the_report() {
        let text = "The port authority denied on Monday that it had spied on the harbour pilots' union. \
                    ANA KELLNER: Tonight the port is reading the pilots' mail, and has done so for months. \
                    The authority said the claim was false and that it would publish its own review of the matter.";
        let s = summarize(text, &SummaryConfig::default());
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(!s.iter().any(|x| x.contains("KELLNER")), "{s:?}");
        // A dateline that names a place before its colon is the report's.
        let text = "NEW DELHI: The state grid operator restored power to most of the capital on Tuesday after \
                    a fault at a substation left millions without electricity overnight. Engineers said the \
                    substation would be rebuilt with a second line so that one fault cannot cut the supply again.";
        let s = summarize(text, &SummaryConfig::default());
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].contains("grid operator"), "{s:?}");
    }

    #[test]
    fn lowercase_wire_copy() {
        let s = summarize(
            "(cnn) the bridge closed on monday for repairs to the deck. ferries run every ten minutes until it reopens. shops in the old town expect a quiet month.",
            &SummaryConfig::default(),
        );
        assert_eq!(s[0], "the bridge closed on monday for repairs to the deck.");
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn the_first_person_rule_reads_english_only() {
        // Swedish "i" is "in", not "I": a Swedish lead is its own summary.
        let swedish = "Bron i hamnen stängs i sex veckor från måndag medan arbetare byter däcksplåtar, sa kommunen. \
                       Färjor går var tionde minut mellan fiskekajen och Östergrind under tiden.";
        let config = SummaryConfig { language: Some("sv"), ..SummaryConfig::default() };
        let s = summarize(swedish, &config);
        assert!(s[0].starts_with("Bron i hamnen"), "{s:?}");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn hooks_are_passed_over_for_sentences_that_say_what_happened() {
        let s = summarize(
            "What happens when a town loses its only bridge? \"We will manage,\" said the ferry captain on Monday. \
             She was 52. The harbour bridge closed on Monday for six weeks of deck repairs. Two extra ferries now run \
             every ten minutes between the quay and Eastgate. \"Roots,\" the town's oldest bakery, moved its ovens \
             to the east bank for the duration.",
            &SummaryConfig::default(),
        );
        assert_eq!(s[0], "The harbour bridge closed on Monday for six weeks of deck repairs.", "{s:?}");
        assert!(s.iter().any(|x| x.starts_with("\"Roots,\"")), "a quoted name is not speech: {s:?}");
        assert!(!s.iter().any(|x| x.ends_with('?') || x.contains("said the ferry") || x == "She was 52."), "{s:?}");
        // An article of nothing but hooks still gets a summary.
        assert_eq!(summarize("Who knew?", &SummaryConfig::default()), ["Who knew?"]);
    }

    #[test]
    fn first_person_accounts_are_passed_over() {
        let s = summarize(
            "I remember the day the harbour bridge first opened to traffic in the spring. The harbour bridge \
             closed on Monday for six weeks while crews replace worn deck plates. We have never seen queues \
             like this at the ferry terminal before, one commuter wrote. Two extra ferries now run every ten \
             minutes between the quay and Eastgate during the closure.",
            &SummaryConfig::default(),
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with("The harbour bridge closed") && s[1].starts_with("Two extra ferries"), "{s:?}");
    }

    #[test]
    fn a_lead_told_in_the_first_person_is_its_own_summary() {
        let column = "I moved to the harbour district twelve years ago and have crossed the bridge every day since. \
             We learned on Monday that it will close for six weeks of repairs. My neighbours are already \
             planning their routes around the closure.";
        let s = summarize(column, &SummaryConfig::default());
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].starts_with("I moved") && s[2].starts_with("My neighbours"), "{s:?}");
    }

    #[test]
    fn a_sentence_that_repeats_the_summary_is_passed_over() {
        let s = summarize(
            "The harbour bridge closed on Monday for six weeks while crews replace its worn deck plates. \
             Crews will replace the worn deck plates of the harbour bridge during six weeks of closure. \
             Two extra ferries now run every ten minutes between the quay and Eastgate until it reopens.",
            &SummaryConfig::default(),
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[1].starts_with("Two extra ferries"), "the restatement is left out: {s:?}");
    }

    #[test]
    fn deterministic() {
        assert_eq!(summarize(ARTICLE, &SummaryConfig::default()), summarize(ARTICLE, &SummaryConfig::default()));
    }
}
