//! How a story presents itself: its title and its summary, from all its articles.
//!
//! The title is the headline of its most central recent article: among the articles of the
//! story's last day, the one whose words the other articles share most, so the title follows
//! the story as it develops and is nobody's outlier angle. The summary is drawn from the
//! leads of all its articles: the sentences whose words most of the other outlets also
//! report (what the outlets agree on), each weighed by how much it adds to the sentences
//! chosen before it, no quotation and nothing twice, in time order.

use chrono::{DateTime, Utc};

use crate::cluster::content_word;
use crate::hash::HashSet;
use crate::lexicon::commentary::is_commentary;
use crate::summary::{SummaryConfig, summarize};

/// One article of a story, as the digest reads it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub title: &'a str,
    pub text: &'a str,
    /// The outlet, if known: agreement is counted between outlets.
    pub source: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// A story's title and summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    /// The index of the member whose headline is the story's title.
    pub title: usize,
    /// The summary's sentences.
    pub summary: Vec<String>,
}

/// Words of an article's lead read for centrality.
const LEAD_WORDS: usize = 120;
/// Words a story summary aims for, and its most.
const SUMMARY_WORDS: usize = 80;
const SUMMARY_MAX_WORDS: usize = 110;
/// Least agreement of a summary sentence, as a share of the best sentence's.
const MIN_AGREEMENT: f32 = 0.3;

/// The content words of a text's first `limit` words.
fn bag(text: &str, limit: usize) -> HashSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(limit)
        .filter_map(content_word)
        .collect()
}

/// The title and summary of a story from its members (any order). `None` when it has none.
#[must_use]
pub fn digest(members: &[Member<'_>]) -> Option<Digest> {
    let last = members.iter().map(|m| m.at).max()?;
    let bags: Vec<HashSet<String>> =
        members.iter().map(|m| bag(&format!("{}\n{}", m.title, m.text), LEAD_WORDS)).collect();
    let overlap = |a: &HashSet<String>, b: &HashSet<String>| {
        #[allow(clippy::cast_precision_loss)]
        let shared = a.intersection(b).count() as f32;
        #[allow(clippy::cast_precision_loss)]
        let scale = ((a.len() * b.len()) as f32).sqrt().max(1.0);
        shared / scale
    };
    let centrality =
        |i: usize| -> f32 { (0..members.len()).filter(|&j| j != i).map(|j| overlap(&bags[i], &bags[j])).sum() };
    // The story's last day: articles within a day of its newest.
    let recent = |m: &Member<'_>| last - m.at <= chrono::Duration::hours(24);
    let title = (0..members.len())
        .filter(|&i| recent(&members[i]) && !members[i].title.trim().is_empty())
        .max_by(|&a, &b| {
            centrality(a).total_cmp(&centrality(b)).then(members[a].at.cmp(&members[b].at)).then(b.cmp(&a))
        })
        .unwrap_or(0);
    Some(Digest { title, summary: summary(members, &bags) })
}

/// The sentences the outlets agree on.
fn summary(members: &[Member<'_>], bags: &[HashSet<String>]) -> Vec<String> {
    let config = SummaryConfig::default();
    // Candidates: each article's lead sentences, with their article and position.
    let mut candidates: Vec<(f32, usize, usize, String, HashSet<String>)> = Vec::new();
    // What the outlets report: commentary is left out, unless the story is nothing else.
    let reports = members.iter().any(|m| !is_commentary(m.title));
    for (i, m) in members.iter().enumerate() {
        if reports && is_commentary(m.title) {
            continue;
        }
        for (position, sentence) in summarize(m.text, &config).into_iter().enumerate() {
            if sentence.contains(['"', '“', '”', '«', '»']) {
                continue;
            }
            let words = bag(&sentence, usize::MAX);
            if words.is_empty() {
                continue;
            }
            // Agreement: how much of the sentence each other outlet's article reports too.
            let mut seen_sources: Vec<Option<&str>> = vec![m.source];
            let mut support = 0.0;
            for (j, other) in members.iter().enumerate() {
                if j == i || (other.source.is_some() && seen_sources.contains(&other.source)) {
                    continue;
                }
                seen_sources.push(other.source);
                #[allow(clippy::cast_precision_loss)]
                let share = words.intersection(&bags[j]).count() as f32 / words.len() as f32;
                support += share;
            }
            // Leads come first in news: a small preference for earlier sentences.
            #[allow(clippy::cast_precision_loss)]
            let score = support + 0.25 / (1.0 + position as f32);
            candidates.push((score, i, position, sentence, words));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // What few outlets share is not what they agree on: sentences with under three tenths of
    // the agreement of the best are left out.
    let floor = candidates.first().map_or(0.0, |c| c.0 * MIN_AGREEMENT);
    candidates.retain(|c| c.0 >= floor);
    let candidates = candidates
        .into_iter()
        .map(|(score, member, position, sentence, words)| Candidate { score, member, position, sentence, words })
        .collect();
    let mut chosen = choose(candidates);
    chosen.sort_by(|a, b| {
        members[a.member].at.cmp(&members[b.member].at).then(a.member.cmp(&b.member)).then(a.position.cmp(&b.position))
    });
    chosen.into_iter().map(|c| c.sentence).collect()
}

/// A sentence that may go into a story's summary.
#[derive(Debug)]
struct Candidate {
    /// How much the other outlets report it (see `summary`).
    score: f32,
    /// Its article, and its place among that article's lead sentences.
    member: usize,
    position: usize,
    sentence: String,
    /// Its content words.
    words: HashSet<String>,
}

/// The summary's sentences from `candidates` (in order of agreement), one at a time: the one
/// whose agreement is greatest once weighed by the share of its words the summary does not
/// say yet, so that three outlets' leads telling one fact make one sentence of the summary and
/// the next says something else they agree on; none mostly made of what is said already; about
/// [`SUMMARY_WORDS`] words, at most [`SUMMARY_MAX_WORDS`].
fn choose(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut said: HashSet<String> = HashSet::default();
    let mut words = 0;
    while words < SUMMARY_WORDS {
        let mut best: Option<(f32, usize)> = None;
        for (k, c) in candidates.iter().enumerate() {
            let n = c.sentence.split_whitespace().count();
            if !chosen.is_empty() && words + n > SUMMARY_MAX_WORDS {
                continue;
            }
            let repeated = c.words.iter().filter(|w| said.contains(*w)).count();
            if repeated * 2 > c.words.len() {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let value = c.score * (1.0 - repeated as f32 / c.words.len().max(1) as f32);
            // (The first of equal values stays: candidates come in order of agreement.)
            if best.is_none_or(|(b, _)| value > b) {
                best = Some((value, k));
            }
        }
        let Some((_, k)) = best else { break };
        let c = candidates.remove(k);
        words += c.sentence.split_whitespace().count();
        said.extend(c.words.iter().cloned());
        chosen.push(c);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, h, 0, 0).unwrap()
    }

    #[test]
    fn the_title_follows_the_story_and_the_summary_is_what_outlets_agree_on() {
        let members = [
            Member {
                title: "Port Kessa dock workers walk out",
                text: "Dock workers at Port Kessa went on strike on Wednesday over pay, halting container ships. \
                       The union wants a raise of 9 percent. \"We have waited long enough,\" one docker said.",
                source: Some("harbourwire.example"),
                at: at(6),
            },
            Member {
                title: "Strike at Port Kessa ends with an 8 percent pay deal",
                text: "The dock strike at Port Kessa ended on Friday after the port authority agreed to an 8 percent \
                       raise, the union said. Container ships will be unloaded by the weekend.",
                source: Some("coastpost.example"),
                at: at(20),
            },
            Member {
                title: "Port Kessa strike over: dockers accept 8 percent",
                text: "Dockers at Port Kessa accepted an 8 percent raise from the port authority and ended their strike \
                       on Friday. Container ships queued offshore will be unloaded by the weekend, the union said.",
                source: Some("tidings.example"),
                at: at(21),
            },
            Member {
                title: "Opinion: what the dock strike tells us about wages",
                text: "Wages have lagged prices for years, and the dock strike is a symptom of a wider malaise that \
                       columnists have long warned about.",
                source: Some("views.example"),
                at: at(22),
            },
        ];
        let d = digest(&members).unwrap();
        // The title follows the story (not the first report, now stale) and is nobody's
        // outlier angle (not the column): one of the two reports of the deal.
        assert!([1, 2].contains(&d.title), "{}", members[d.title].title);
        let summary = d.summary.join(" ");
        assert!(summary.contains("8 percent"), "{summary}");
        assert!(!summary.contains("waited long enough"), "no quotation: {summary}");
        assert!(!summary.contains("malaise"), "not what one outlet alone says: {summary}");
        assert!(d.summary.len() <= 3);
    }

    #[test]
    fn a_sentence_that_adds_more_goes_before_one_a_little_more_agreed() {
        let candidate = |score: f32, member: usize, words: &str| Candidate {
            score,
            member,
            position: 0,
            // Forty words each: two fill a summary.
            sentence: format!("{words} {}", "word ".repeat(35)).trim_end().to_owned(),
            words: words.split(' ').map(str::to_owned).collect(),
        };
        let chosen = choose(vec![
            candidate(2.0, 0, "strike port dockers wednesday pay"),
            // Two of its five words are said already: worth 1.9 x 3/5 = 1.14 after the first.
            candidate(1.9, 1, "strike port walkout cranes wages"),
            // All new: worth 1.5.
            candidate(1.5, 2, "talks monday mediator ministry union"),
        ]);
        let members: Vec<usize> = chosen.iter().map(|c| c.member).collect();
        assert_eq!(members, [0, 2]);
        // Mostly said already, it never goes in, however agreed.
        let chosen = choose(vec![
            candidate(2.0, 0, "strike port dockers wednesday pay"),
            candidate(1.9, 1, "strike port dockers cranes wages"),
        ]);
        assert_eq!(chosen.len(), 1);
    }

    #[test]
    fn no_members_no_digest() {
        assert_eq!(digest(&[]), None);
    }
}
