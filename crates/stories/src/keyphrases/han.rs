//! Keyphrases of text written in Chinese characters and Japanese kana, which puts no spaces
//! between words: the character sequences of two to eight characters that the text says more
//! than once (the headline counting once), the longest where a shorter one is only ever said
//! inside it. Hiragana (Japanese particles and verb endings) ends a phrase, so compounds of
//! kanji and katakana ("東京都", "サッカー") are phrases of their own.

use crate::hash::{HashMap, HashSet};

/// Characters of Chinese that join words rather than make them ("的", "在", "是", ...): no
/// phrase opens or ends with one. (Facts of the language, written out here.)
const FUNCTION_CHARACTERS: &str = "的了是在和与及等也都而并被把这那有为对以于之其将从向到又就还但或即已会可能不没个着过们我你他她它此该各每所由上下中后前里时称说月日年";

/// Longest phrase, in characters (a name such as a stadium's, a law's title).
const LONGEST: usize = 8;

/// True when most of the letters of `text` are Chinese characters or kana.
pub(super) fn is_han_text(text: &str) -> bool {
    let (mut han, mut other) = (0_usize, 0_usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(2_000) {
        if crate::script::is_cjk(c) {
            han += 1;
        } else {
            other += 1;
        }
    }
    han > 0 && han >= other
}

fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

/// A character that can be inside a phrase: Chinese characters, katakana and its
/// prolonged-sound mark.
fn phrase_char(c: char) -> bool {
    crate::script::is_cjk(c) && !is_hiragana(c)
}

/// The runs of phrase characters of `text`, as slices of it.
fn runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (phrase_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The candidate phrases of one run: its sequences of two to [`LONGEST`] characters that
/// neither open nor end with a function character, as slices of the run.
fn candidates<'a>(run: &'a str, mut each: impl FnMut(&'a str)) {
    // Each character's start, and the run's end; whether each character is a function one.
    let bounds: Vec<usize> = run.char_indices().map(|(i, _)| i).chain([run.len()]).collect();
    let function: Vec<bool> = run.chars().map(|c| FUNCTIONS.contains(&c)).collect();
    let n = function.len();
    for size in 2..=LONGEST.min(n) {
        for start in 0..=n - size {
            if !function[start] && !function[start + size - 1] {
                each(&run[bounds[start]..bounds[start + size]]);
            }
        }
    }
}

/// [`FUNCTION_CHARACTERS`], to look up.
static FUNCTIONS: std::sync::LazyLock<HashSet<char>> =
    std::sync::LazyLock::new(|| FUNCTION_CHARACTERS.chars().collect());

/// Up to `n` keyphrases of `title` and `text` (see the module's notes), best first.
pub(super) fn keyphrases(title: &str, text: &str, n: usize) -> Vec<String> {
    let sample = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    // Each phrase: how often the text says it, and where first (in bytes of phrases).
    let mut said: HashMap<&str, (u32, usize)> = HashMap::default();
    let runs_of_text = runs(sample);
    // (Room for every candidate at once: about seven a character, in three bytes.)
    said.reserve(runs_of_text.iter().map(|r| r.len() * 2).sum());
    let mut at = 0;
    for run in runs_of_text {
        candidates(run, |p| said.entry(p).or_insert((0, at)).0 += 1);
        at += run.len();
    }
    let mut in_title: HashSet<&str> = HashSet::default();
    for run in runs(title) {
        candidates(run, |p| {
            in_title.insert(p);
        });
    }
    let mut ranked: Vec<(f32, &str, u32)> = said
        .iter()
        .filter_map(|(&phrase, &(count, first))| {
            let title = in_title.contains(phrase);
            let times = count + u32::from(title);
            if times < 2 {
                return None;
            }
            let size = phrase.chars().count();
            // (Three bytes a character.)
            #[allow(clippy::cast_precision_loss)]
            let early = 1.0 / (1.0 + first as f32 / 1_200.0);
            #[allow(clippy::cast_precision_loss)]
            let score = (times as usize * size) as f32 * if title { 2.0 } else { 1.0 } * (0.5 + early);
            Some((score, phrase, times))
        })
        .collect();
    // Best first; equal scores in character order, so that the result does not depend on
    // hashing.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    // A phrase said only inside a longer one that is said as often is that longer one's part:
    // each repeated phrase marks its shorter parts with how often it is said.
    // (Parts that open or end with a function character are no candidates: not marked.)
    let mut covered: HashMap<&str, u32> = HashMap::default();
    for &(_, phrase, times) in &ranked {
        candidates(phrase, |part| {
            if part.len() < phrase.len() {
                let most = covered.entry(part).or_default();
                *most = (*most).max(times);
            }
        });
    }
    let part_of_longer = |phrase: &str, times: u32| covered.get(phrase).is_some_and(|&most| most >= times);
    let mut chosen: Vec<&str> = Vec::new();
    for &(_, phrase, times) in &ranked {
        if chosen.len() >= n {
            break;
        }
        if part_of_longer(phrase, times) || chosen.iter().any(|c| c.contains(phrase) || phrase.contains(c)) {
            continue;
        }
        chosen.push(phrase);
    }
    chosen.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_phrases_said_more_than_once() {
        let k = keyphrases(
            "港口大桥重新开放",
            "经过三周的维修，港口大桥今天重新开放。市政府表示，渡轮服务将恢复正常。渡轮公司说，港口大桥开放后乘客会减少。",
            5,
        );
        assert_eq!(k.first().map(String::as_str), Some("港口大桥"), "{k:?}");
        assert!(k.contains(&"渡轮".to_owned()), "{k:?}");
        // Its parts are not phrases of their own, nor is anything said once.
        assert!(!k.iter().any(|p| p == "港口" || p == "大桥" || p == "市政府"), "{k:?}");
    }

    #[test]
    fn japanese_compounds_between_kana() {
        let k = keyphrases(
            "港の橋が再開",
            "三週間の修理を終えて、港の橋が今日再開しました。フェリーは通常運航に戻ります。フェリー会社によると、再開後は乗客が減る見込みです。",
            5,
        );
        assert!(k.contains(&"再開".to_owned()), "{k:?}");
        assert!(k.contains(&"フェリー".to_owned()), "{k:?}");
        assert!(!k.iter().any(|p| p.contains('の') || p.contains('は')), "no kana particle: {k:?}");
    }

    #[test]
    fn which_text_is_read_so() {
        assert!(is_han_text("港口大桥今天重新开放。Reuters"));
        assert!(!is_han_text("The harbour bridge (港口大桥) reopened on Monday."));
        assert!(keyphrases("", "", 5).is_empty());
    }
}
