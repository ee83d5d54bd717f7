//! `newsdesk analyze --stories FILE`: every story `analyze` formed, one JSON line each, so
//! that anyone can score stories and their summaries on their own data.
//!
//! A story is written once it can no longer change (the clusterer retired it), and the rest at
//! the end, so memory stays bounded by the stories still open. Each line: `id`, `title` (the
//! headline of its most central recent article), `summary` (what its outlets agree on),
//! `articles` (ids in time order), `sources`, `first_seen`, `last_seen`, `related` (earlier or
//! open stories on the same subject).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use newsdesk_pipeline::READERS_LANGUAGE;
use newsdesk_stories::{Member, digest};
use serde_json::json;

/// Articles kept per story for its title and summary (the newest); ids are all kept.
const KEPT_TEXTS: usize = 40;
/// Of those, texts in the readers' language kept however old.
const KEPT_READERS_TEXTS: usize = 8;
/// Characters of each article kept for the digest: its lead.
const KEPT_CHARS: usize = 2000;
/// Words that describe a story's subject, for `related`.
const SUBJECT_WORDS: usize = 12;
/// Stories written recently, remembered so that later stories can name them as related.
const REMEMBERED: usize = 2000;
/// Least share of subject words two stories must have in common to be related.
const RELATED_SHARE: f32 = 0.34;

#[derive(Debug, Default)]
struct Open {
    articles: Vec<(DateTime<Utc>, String)>,
    /// Its newest articles, as the digest reads them.
    texts: VecDeque<Kept>,
    sources: BTreeSet<String>,
    words: HashMap<String, u32>,
}

/// An article of an open story, as the digest reads it.
#[derive(Debug)]
struct Kept {
    title: String,
    text: String,
    source: Option<String>,
    at: DateTime<Utc>,
    language: Option<String>,
}

impl Kept {
    /// Whether it is in language `readers` ("en" for "en", "en-GB").
    fn in_language(&self, readers: &str) -> bool {
        self.language.as_deref().is_some_and(|l| newsdesk_model::primary_language(l).eq_ignore_ascii_case(readers))
    }
}

/// The stories being formed, and the subjects of those written.
#[derive(Debug)]
pub struct StoryBook {
    open: BTreeMap<u64, Open>,
    written: VecDeque<(u64, BTreeSet<String>)>,
    /// The language of the readers (`site.language`) stories are presented in where they can be.
    readers: String,
}

impl Default for StoryBook {
    fn default() -> Self {
        Self::for_readers(READERS_LANGUAGE)
    }
}

impl StoryBook {
    /// A book whose stories are presented in language `readers` where they can be.
    #[must_use]
    pub fn for_readers(readers: &str) -> Self {
        Self { open: BTreeMap::new(), written: VecDeque::new(), readers: readers.to_owned() }
    }

    /// Adds an article to story `story`; `merged` stories are now part of it.
    pub fn add(
        &mut self,
        story: u64,
        merged: &[u64],
        id: &str,
        (title, text, source, language): (&str, &str, Option<&str>, Option<&str>),
        at: DateTime<Utc>,
    ) {
        let mut entry = self.open.remove(&story).unwrap_or_default();
        for gone in merged {
            if let Some(old) = self.open.remove(gone) {
                entry.articles.extend(old.articles);
                entry.texts.extend(old.texts);
                entry.sources.extend(old.sources);
                for (w, n) in old.words {
                    *entry.words.entry(w).or_default() += n;
                }
            }
        }
        entry.articles.push((at, id.to_owned()));
        if let Some(source) = source {
            entry.sources.insert(source.to_owned());
        }
        for word in subject_words(title) {
            *entry.words.entry(word).or_default() += 1;
        }
        entry.texts.push_back(Kept {
            title: title.to_owned(),
            text: text.chars().take(KEPT_CHARS).collect(),
            source: source.map(str::to_owned),
            at,
            language: language.map(str::to_owned),
        });
        // The oldest text goes first, but the newest few in the readers' language stay
        // however old (as the site reads a story's members).
        while entry.texts.len() > KEPT_TEXTS {
            let theirs = entry.texts.iter().filter(|k| k.in_language(&self.readers)).count();
            let at = entry.texts.iter().position(|k| theirs > KEPT_READERS_TEXTS || !k.in_language(&self.readers));
            entry.texts.remove(at.unwrap_or(0));
        }
        self.open.insert(story, entry);
    }

    /// Writes and forgets the stories `active` says can no longer change.
    ///
    /// # Errors
    /// Writing fails.
    pub fn write_closed(&mut self, out: &mut impl Write, active: impl Fn(u64) -> bool) -> std::io::Result<()> {
        let closed: Vec<u64> = self.open.keys().copied().filter(|&s| !active(s)).collect();
        for story in closed {
            if let Some(entry) = self.open.remove(&story) {
                self.write(out, story, entry)?;
            }
        }
        Ok(())
    }

    /// Writes every story still open.
    ///
    /// # Errors
    /// Writing fails.
    pub fn finish(mut self, out: &mut impl Write) -> std::io::Result<()> {
        let open = std::mem::take(&mut self.open);
        for (story, entry) in open {
            self.write(out, story, entry)?;
        }
        out.flush()
    }

    fn write(&mut self, out: &mut impl Write, story: u64, mut entry: Open) -> std::io::Result<()> {
        entry.articles.sort();
        let members: Vec<Member<'_>> = entry
            .texts
            .iter()
            .map(|k| Member {
                title: &k.title,
                text: &k.text,
                source: k.source.as_deref(),
                at: k.at,
                language: k.language.as_deref(),
            })
            .collect();
        let digest = digest(&members, Some(&self.readers));
        let title = digest.as_ref().map_or("", |d| entry.texts[d.title].title.as_str());
        let summary = digest.as_ref().map(|d| d.summary.join(" ")).unwrap_or_default();
        let subject = top_words(&entry.words);
        let related: Vec<String> = self
            .written
            .iter()
            .map(|(id, words)| (*id, words))
            .filter(|(_, words)| share(&subject, words) >= RELATED_SHARE)
            .map(|(id, _)| format!("s{id}"))
            .collect();
        let time = |t: Option<&(DateTime<Utc>, String)>| t.map(|(at, _)| at.to_rfc3339_opts(SecondsFormat::Secs, true));
        let line = json!({
            "id": format!("s{story}"),
            "title": title,
            "summary": summary,
            "articles": entry.articles.iter().map(|(_, id)| id).collect::<Vec<_>>(),
            "sources": entry.sources,
            "first_seen": time(entry.articles.first()),
            "last_seen": time(entry.articles.last()),
            "related": related,
        });
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
        self.written.push_back((story, subject));
        while self.written.len() > REMEMBERED {
            self.written.pop_front();
        }
        Ok(())
    }
}

/// A headline's words of four letters or more, lowercase: what a subject is named by.
fn subject_words(title: &str) -> impl Iterator<Item = String> + '_ {
    title.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).map(str::to_lowercase)
}

/// The words most of a story's headlines use.
fn top_words(words: &HashMap<String, u32>) -> BTreeSet<String> {
    let mut ranked: Vec<(&String, &u32)> = words.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().take(SUBJECT_WORDS).map(|(w, _)| w.clone()).collect()
}

/// The share of the smaller set found in the other.
fn share(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let shared = a.intersection(b).count() as f32;
    #[allow(clippy::cast_precision_loss)]
    let smaller = smaller as f32;
    shared / smaller
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, d, h, 0, 0).unwrap()
    }

    #[test]
    fn a_story_in_many_languages_keeps_its_readers_texts_however_old() {
        let mut book = StoryBook::default();
        book.add(
            1,
            &[],
            "en",
            (
                "Quake strikes Vellmar",
                "An earthquake of magnitude 6.1 struck the province of Vellmar on Tuesday, damaging hundreds of homes.",
                Some("wire.example"),
                Some("en"),
            ),
            at(4, 6),
        );
        for n in 0..50 {
            let id = format!("fr{n}");
            let text = "Un séisme de magnitude 6,1 a frappé mardi la province de Vellmar, endommageant des centaines de maisons.";
            book.add(1, &[], &id, ("Séisme à Vellmar", text, Some("post.example"), Some("fr")), at(4, 7));
        }
        let mut out = Vec::new();
        book.finish(&mut out).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(line["title"], "Quake strikes Vellmar", "{line}");
        assert_eq!(line["articles"].as_array().map(Vec::len), Some(51));
    }

    #[test]
    fn stories_are_written_with_merges_folded_in_and_related_subjects() {
        let mut book = StoryBook::default();
        let strike = "Dock workers at Port Kessa went on strike over pay on Wednesday, halting container ships.";
        book.add(1, &[], "a", ("Port Kessa dock strike begins", strike, Some("wire.example"), None), at(4, 9));
        book.add(2, &[], "b", ("Port Kessa dock strike halts ships", strike, Some("post.example"), None), at(4, 8));
        // Story 2 turned out to be story 1.
        book.add(1, &[2], "c", ("Port Kessa dock strike: ships wait", strike, Some("tide.example"), None), at(4, 10));
        let mut out = Vec::new();
        book.write_closed(&mut out, |s| s != 1).unwrap();
        book.add(
            3,
            &[],
            "d",
            ("Port Kessa dock strike ends", "The Port Kessa dock strike ended on Friday.", None, None),
            at(6, 9),
        );
        book.finish(&mut out).unwrap();
        let lines: Vec<serde_json::Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "s1");
        assert_eq!(lines[0]["articles"], json!(["b", "a", "c"]), "in time order, merged ones included");
        assert_eq!(lines[0]["sources"], json!(["post.example", "tide.example", "wire.example"]));
        assert_eq!(lines[0]["first_seen"], "2026-05-04T08:00:00Z");
        assert_eq!(lines[0]["last_seen"], "2026-05-04T10:00:00Z");
        assert!(lines[0]["title"].as_str().unwrap().starts_with("Port Kessa dock strike"));
        assert!(lines[0]["summary"].as_str().unwrap().contains("Dock workers"));
        assert_eq!(lines[1]["related"], json!(["s1"]), "the same subject, a later event");
    }
}
