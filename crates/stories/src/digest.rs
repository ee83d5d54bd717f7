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
    /// Its language (a BCP 47 tag), if known.
    pub language: Option<&'a str>,
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
///
/// A story told in several languages is presented in one: `readers` (the site's language, a
/// BCP 47 tag) when one of its articles is in it, else the language most of its articles are
/// in. Its title is one of those articles' headlines and its summary their sentences: a title
/// in one language over a summary in three is read by no one.
#[must_use]
pub fn digest(members: &[Member<'_>], readers: Option<&str>) -> Option<Digest> {
    let told_in = presentation_language(members, readers);
    let told = digest_in(members, told_in.as_deref())?;
    // (Where that language's articles give no sentence a summary can take, all of them
    // together do.)
    if told.summary.is_empty() && told_in.is_some() {
        return digest_in(members, None);
    }
    Some(told)
}

/// [`digest`] from the articles in language `told_in` (all, when `None`).
fn digest_in(members: &[Member<'_>], told_in: Option<&str>) -> Option<Digest> {
    let in_it = |m: &Member<'_>| told_in.is_none_or(|l| primary(m.language).as_deref() == Some(l));
    let last = members.iter().filter(|m| in_it(m)).map(|m| m.at).max()?;
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
        .filter(|&i| in_it(&members[i]) && recent(&members[i]) && !members[i].title.trim().is_empty())
        .max_by(|&a, &b| {
            centrality(a).total_cmp(&centrality(b)).then(members[a].at.cmp(&members[b].at)).then(b.cmp(&a))
        })
        .or_else(|| (0..members.len()).find(|&i| in_it(&members[i])))
        .unwrap_or(0);
    Some(Digest { title, summary: summary(members, &bags, &in_it) })
}

/// A language tag's primary subtag, lowercase ("de" of "de-DE").
fn primary(tag: Option<&str>) -> Option<String> {
    let tag = newsdesk_model::primary_language(tag?);
    (!tag.is_empty()).then(|| tag.to_ascii_lowercase())
}

/// The language a story is presented in (see [`digest`]); `None` when no article's language
/// is known. Of languages with equally many articles, the newest article's.
fn presentation_language(members: &[Member<'_>], readers: Option<&str>) -> Option<String> {
    let mut counts: Vec<(String, usize, DateTime<Utc>)> = Vec::new();
    for m in members {
        let Some(l) = primary(m.language) else { continue };
        match counts.iter_mut().find(|(c, ..)| *c == l) {
            Some((_, n, newest)) => {
                *n += 1;
                *newest = (*newest).max(m.at);
            }
            None => counts.push((l, 1, m.at)),
        }
    }
    let readers = primary(readers);
    if let Some(r) = readers.filter(|r| counts.iter().any(|(c, ..)| c == r)) {
        return Some(r);
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(b.0.cmp(&a.0))).map(|(l, ..)| l)
}

/// The sentences the outlets agree on, from the articles `in_it` keeps.
fn summary(members: &[Member<'_>], bags: &[HashSet<String>], in_it: &dyn Fn(&Member<'_>) -> bool) -> Vec<String> {
    let config = SummaryConfig::default();
    // Candidates: each article's lead sentences, with their article and position.
    let mut candidates: Vec<(f32, usize, usize, String, HashSet<String>)> = Vec::new();
    // What the outlets report: commentary is left out, unless the story is nothing else.
    let reports = members.iter().any(|m| in_it(m) && !is_commentary(m.title));
    for (i, m) in members.iter().enumerate() {
        if !in_it(m) || reports && is_commentary(m.title) {
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
/// the next says something else they agree on; none mostly made of what is said already; a
/// longer sentence that tells a chosen one again takes its place instead of joining it; about
/// [`SUMMARY_WORDS`] words, at most [`SUMMARY_MAX_WORDS`].
fn choose(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut said: HashSet<String> = HashSet::default();
    let mut words = 0;
    let length = |c: &Candidate| c.sentence.split_whitespace().count();
    while words < SUMMARY_WORDS {
        // (value, candidate, the chosen sentence it restates)
        let mut best: Option<(f32, usize, Option<usize>)> = None;
        for (k, c) in candidates.iter().enumerate() {
            let n = length(c);
            let restated = chosen.iter().position(|ch| n > length(ch) && restates(c, ch));
            let after = words + n - restated.map_or(0, |r| length(&chosen[r]));
            if !chosen.is_empty() && after > SUMMARY_MAX_WORDS {
                continue;
            }
            let repeated = c.words.iter().filter(|w| said.contains(*w)).count();
            if repeated * 2 > c.words.len() {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let value = c.score * (1.0 - repeated as f32 / c.words.len().max(1) as f32);
            // (The first of equal values stays: candidates come in order of agreement.)
            if best.is_none_or(|(b, ..)| value > b) {
                best = Some((value, k, restated));
            }
        }
        let Some((_, k, restated)) = best else { break };
        let c = candidates.remove(k);
        if let Some(r) = restated {
            // The longer telling of one fact takes the shorter one's place.
            chosen.remove(r);
            said = chosen.iter().flat_map(|ch| ch.words.iter().cloned()).collect();
            words = chosen.iter().map(length).sum();
        }
        words += length(&c);
        said.extend(c.words.iter().cloned());
        chosen.push(c);
    }
    chosen
}

/// Whether `c` says again what the chosen sentence `ch` says, with more around it: more than
/// two thirds of `ch`'s words are in it ("Kellwater expects frozen meal sales of $3 billion"
/// chosen, "Kellwater told investors on Tuesday that it now expects its frozen meals to sell
/// $3 billion, a jump it puts down to new shops abroad" restates it).
fn restates(c: &Candidate, ch: &Candidate) -> bool {
    let shared = ch.words.iter().filter(|w| c.words.contains(*w)).count();
    shared * 3 > ch.words.len() * 2
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
                language: None,
            },
            Member {
                title: "Strike at Port Kessa ends with an 8 percent pay deal",
                text: "The dock strike at Port Kessa ended on Friday after the port authority agreed to an 8 percent \
                       raise, the union said. Container ships will be unloaded by the weekend.",
                source: Some("coastpost.example"),
                at: at(20),
                language: None,
            },
            Member {
                title: "Port Kessa strike over: dockers accept 8 percent",
                text: "Dockers at Port Kessa accepted an 8 percent raise from the port authority and ended their strike \
                       on Friday. Container ships queued offshore will be unloaded by the weekend, the union said.",
                source: Some("tidings.example"),
                at: at(21),
                language: None,
            },
            Member {
                title: "Opinion: what the dock strike tells us about wages",
                text: "Wages have lagged prices for years, and the dock strike is a symptom of a wider malaise that \
                       columnists have long warned about.",
                source: Some("views.example"),
                at: at(22),
                language: None,
            },
        ];
        let d = digest(&members, None).unwrap();
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
    fn a_longer_telling_of_a_chosen_fact_takes_its_place() {
        let candidate = |score: f32, member: usize, words: &str, filler: usize| Candidate {
            score,
            member,
            position: 0,
            sentence: format!("{words} {}", "word ".repeat(filler)).trim_end().to_owned(),
            words: words.split(' ').map(str::to_owned).collect(),
        };
        let chosen = choose(vec![
            candidate(2.0, 0, "kellwater expects sales billion year", 5),
            // Four of the five words above, told with as many again: the same fact, longer.
            candidate(1.9, 1, "kellwater expects sales billion frozen meals jump reflects reach abroad", 10),
            candidate(1.2, 2, "analysts forecast shares rose tuesday", 5),
            candidate(1.1, 3, "union warehouse strike drivers overtime", 5),
        ]);
        let members: Vec<usize> = chosen.iter().map(|c| c.member).collect();
        assert!(members.contains(&1) && !members.contains(&0), "one telling of the fact, the longer: {members:?}");
        assert!(members.contains(&2) && members.contains(&3), "{members:?}");
    }

    #[test]
    fn a_story_in_several_languages_is_told_in_one() {
        let report = |title: &'static str, text: &'static str, language: &'static str, h: u32| Member {
            title,
            text,
            source: Some(language),
            at: at(h),
            language: Some(language),
        };
        let members = [
            report(
                "Quake of magnitude 6.1 strikes Vellmar",
                "An earthquake of magnitude 6.1 struck the coastal province of Vellmar on Tuesday, damaging \
                 hundreds of homes and cutting power to the port city of Ostra.",
                "en-GB",
                6,
            ),
            report(
                "Séisme de magnitude 6,1 à Vellmar",
                "Un séisme de magnitude 6,1 a frappé mardi la province côtière de Vellmar, endommageant des \
                 centaines de maisons et privant d'électricité la ville portuaire d'Ostra.",
                "fr",
                7,
            ),
            report(
                "Vellmar : des centaines de maisons endommagées",
                "Des centaines de maisons ont été endommagées mardi à Vellmar après un séisme de magnitude 6,1, \
                 et le courant est coupé à Ostra, selon les autorités de la province.",
                "fr-FR",
                8,
            ),
            report(
                "Землетрясение магнитудой 6,1 произошло в Вельмаре",
                "Землетрясение магнитудой 6,1 произошло во вторник в прибрежной провинции Вельмар, \
                 повреждены сотни домов, в портовом городе Остра нет электричества.",
                "ru",
                9,
            ),
        ];
        // The site's readers read English, and one article is in English: the title and
        // every sentence of the summary are that article's.
        let d = digest(&members, Some("en")).unwrap();
        assert_eq!(d.title, 0);
        assert!(!d.summary.is_empty());
        assert!(d.summary.iter().all(|s| members[0].text.contains(s.as_str())), "{:?}", d.summary);
        // Readers of a language none of them is in: the language most of them are in.
        let d = digest(&members, Some("de")).unwrap();
        assert!([1, 2].contains(&d.title), "{}", members[d.title].title);
        assert!(d.summary.iter().all(|s| members[1].text.contains(s.as_str()) || members[2].text.contains(s.as_str())));
        assert_eq!(digest(&members, None).unwrap().title, d.title);
        // An English article that gives no sentence a summary can take (a quotation) leaves
        // the summary to the others.
        let mut quoted = members;
        quoted[0].text = "\"We felt the whole house move,\" a resident of Ostra told reporters on Tuesday.";
        let d = digest(&quoted, Some("en")).unwrap();
        assert!(!d.summary.is_empty());
    }

    #[test]
    fn no_members_no_digest() {
        assert_eq!(digest(&[], None), None);
    }
}
