//! Online story clustering: articles join stories as they arrive, in publication order.
//!
//! An article becomes a TF-IDF vector over its words (title words weigh more) and the names
//! it mentions; document frequencies are learned as articles arrive, with a prior so that the
//! first articles are not judged on a handful of documents. Candidate stories come from an
//! inverted index over the strongest terms of each story's centroid (never a scan of all
//! stories), limited to stories active within a few days of the article. The article joins
//! the most similar candidate above a threshold, or starts a story. When a story grows to be
//! very like another active story, the two merge. Stories that fall too far behind the newest
//! article are retired from the index, so memory stays bounded.

use std::collections::VecDeque;

use crate::hash::{HashMap, HashSet};

use chrono::{DateTime, Utc};

/// Settings, chosen for news and checked on ../shared/eval/clustering (see BENCHMARKS.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterConfig {
    /// Least cosine similarity to join a story.
    pub threshold: f32,
    /// Least cosine similarity between two stories' centroids for them to become one.
    pub merge_threshold: f32,
    /// Added to the document count in the IDF, so early articles are not over-weighted.
    pub idf_prior: f32,
    pub title_weight: f32,
    pub name_weight: f32,
    /// Only stories with an article within this many days are candidates.
    pub window_days: i64,
    /// Stories idle this many days behind the newest article leave the index.
    pub retire_after_days: i64,
    /// Terms kept in a story's centroid.
    pub centroid_terms: usize,
    /// Centroid terms entered in the inverted index.
    pub index_terms: usize,
    /// Article terms used to find candidates.
    pub query_terms: usize,
    /// An article this many hours or more after a story's latest article joins it only if
    /// its headline shares a word with the story's headlines: a continuing story keeps its
    /// headline words, while the next event on the same subject brings new ones.
    pub headline_gap_hours: i64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            threshold: 0.12,
            merge_threshold: 0.5,
            idf_prior: 20.0,
            title_weight: 3.0,
            name_weight: 2.0,
            window_days: 3,
            retire_after_days: 14,
            centroid_terms: 60,
            index_terms: 30,
            query_terms: 20,
            headline_gap_hours: 20,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story's number, unique within this clusterer.
    pub story: u64,
    /// True when the article started the story.
    pub created: bool,
    /// Cosine similarity to the story it joined (0 for a new story).
    pub similarity: f32,
    /// Stories that turned out to be this one and were merged into it: their articles now
    /// belong to `story`.
    pub merged: Vec<u64>,
}

#[derive(Debug)]
struct Story {
    articles: u32,
    centroid: Vec<(u32, f32)>,
    norm: f32,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    indexed: Vec<u32>,
    /// The words of its articles' headlines (sorted, bounded).
    headline: Vec<u32>,
}

/// The clusterer's state. Deterministic: the same articles in the same order give the same
/// stories.
#[derive(Debug)]
pub struct StoryClusterer {
    config: ClusterConfig,
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    /// The article number a term was last seen in, for pruning the vocabulary.
    last_seen: Vec<u64>,
    docs: u64,
    stories: HashMap<u64, Story>,
    inverted: HashMap<u32, Vec<u64>>,
    /// Stories by when they were last joined, oldest first, for retiring.
    by_last: VecDeque<(DateTime<Utc>, u64)>,
    newest: Option<DateTime<Utc>>,
    next_story: u64,
}

impl StoryClusterer {
    #[must_use]
    pub fn new(config: ClusterConfig) -> Self {
        Self {
            config,
            vocab: HashMap::default(),
            df: Vec::new(),
            last_seen: Vec::new(),
            docs: 0,
            stories: HashMap::default(),
            inverted: HashMap::default(),
            by_last: VecDeque::new(),
            newest: None,
            next_story: 1,
        }
    }

    /// Stories currently in the index.
    #[must_use]
    pub fn active_stories(&self) -> usize {
        self.stories.len()
    }

    /// True while `story` is in the index: it can still be joined or merged. A retired or
    /// merged-away story never comes back.
    #[must_use]
    pub fn is_active(&self, story: u64) -> bool {
        self.stories.contains_key(&story)
    }

    /// Assigns an article published at `at` to a story.
    pub fn assign(&mut self, title: &str, text: &str, at: DateTime<Utc>) -> Assignment {
        let (counts, headline) = self.features(title, text);
        self.docs += 1;
        for &(term, _) in &counts {
            self.df[term as usize] += 1;
            self.last_seen[term as usize] = self.docs;
        }
        if self.docs.is_multiple_of(PRUNE_EVERY) {
            self.prune_vocabulary();
        }
        let vector = self.weigh(&counts);
        let best = self.best_candidate(&vector, &headline, at);
        self.newest = Some(self.newest.map_or(at, |n| n.max(at)));
        let assignment = match best {
            Some((story, similarity)) if similarity >= self.config.threshold => {
                self.join(story, &vector, &headline, at);
                let (story, merged) = self.merge_into_neighbours(story);
                Assignment { story, created: false, similarity, merged }
            }
            _ => {
                let story = self.next_story;
                self.next_story += 1;
                self.start(story, vector, headline, at);
                Assignment { story, created: true, similarity: 0.0, merged: Vec::new() }
            }
        };
        self.retire();
        assignment
    }

    fn term(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
        self.vocab.insert(word.to_owned(), id);
        self.df.push(0);
        self.last_seen.push(self.docs);
        id
    }

    /// Forgets the spelling of words that have not been seen for a long time (four prunings),
    /// and sooner of words seen in one article only: most of a news vocabulary is names and
    /// typos of stories long retired. Ids are never reused, so a story that still holds such
    /// an id cannot match another word through it; a word that comes back starts afresh.
    fn prune_vocabulary(&mut self) {
        let (df, last_seen, now) = (&self.df, &self.last_seen, self.docs);
        self.vocab.retain(|_, id| {
            let (df, seen) = (df[*id as usize], last_seen[*id as usize]);
            seen + 4 * PRUNE_EVERY > now && (df > 1 || seen + PRUNE_EVERY > now)
        });
        self.vocab.shrink_to_fit();
        self.inverted.retain(|_, stories| !stories.is_empty());
        self.inverted.shrink_to_fit();
    }

    /// Words whose spelling is remembered.
    #[must_use]
    pub fn vocabulary(&self) -> usize {
        self.vocab.len()
    }

    /// Term counts: title words (weighted), the first 600 body words, and names.
    fn features(&mut self, title: &str, text: &str) -> (Vec<(u32, f32)>, Vec<u32>) {
        let mut counts: HashMap<u32, f32> = HashMap::default();
        let mut headline = Vec::new();
        for w in words(title) {
            if let Some(key) = content_word(&w) {
                let id = self.term(&key);
                *counts.entry(id).or_default() += self.config.title_weight;
                headline.push(id);
            }
        }
        headline.sort_unstable();
        headline.dedup();
        for w in words(text).take(600) {
            if let Some(key) = content_word(&w) {
                let id = self.term(&key);
                *counts.entry(id).or_default() += 1.0;
            }
        }
        let mut names: HashMap<String, f32> = HashMap::default();
        for name in names_in(&text.chars().take(6000).collect::<String>()) {
            *names.entry(name).or_default() += 1.0;
        }
        for (name, n) in names {
            let id = self.term(&format!("#{name}"));
            *counts.entry(id).or_default() += self.config.name_weight * n.min(3.0);
        }
        let mut out: Vec<(u32, f32)> = counts.into_iter().collect();
        out.sort_unstable_by_key(|&(t, _)| t);
        (out, headline)
    }

    /// Normalized TF-IDF.
    fn weigh(&self, counts: &[(u32, f32)]) -> Vec<(u32, f32)> {
        let n = self.docs as f32 + 1.0 + self.config.idf_prior;
        let mut v: Vec<(u32, f32)> =
            counts.iter().map(|&(t, c)| (t, (1.0 + c.ln()) * (n / (self.df[t as usize] as f32 + 0.5)).ln())).collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt().max(f32::EPSILON);
        for (_, x) in &mut v {
            *x /= norm;
        }
        v
    }

    fn best_candidate(&self, vector: &[(u32, f32)], headline: &[u32], at: DateTime<Utc>) -> Option<(u64, f32)> {
        let mut strongest: Vec<&(u32, f32)> = vector.iter().collect();
        strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut candidates: HashSet<u64> = HashSet::default();
        for &&(term, _) in strongest.iter().take(self.config.query_terms) {
            // A term shared by very many stories finds no particular one: skip it.
            if let Some(stories) = self.inverted.get(&term).filter(|s| s.len() <= MAX_POSTING) {
                candidates.extend(stories.iter().copied());
            }
        }
        let window = chrono::Duration::days(self.config.window_days);
        let mut best: Option<(u64, f32)> = None;
        let mut ordered: Vec<u64> = candidates.into_iter().collect();
        ordered.sort_unstable();
        for id in ordered {
            let Some(story) = self.stories.get(&id) else { continue };
            if at < story.first - window || at > story.last + window {
                continue;
            }
            let gap = chrono::Duration::try_hours(self.config.headline_gap_hours).unwrap_or(chrono::Duration::MAX);
            let late = at - story.last >= gap;
            if late && !headline.is_empty() && !shares_any(headline, &story.headline) {
                continue;
            }
            let similarity = dot(vector, &story.centroid) / story.norm.max(f32::EPSILON);
            if best.is_none_or(|(_, s)| similarity > s) {
                best = Some((id, similarity));
            }
        }
        best
    }

    /// After a story grew, any active story whose centroid is now very like its own is the
    /// same story: the smaller merges into the larger (ties: into the older). Returns the
    /// surviving story and the stories merged into it.
    fn merge_into_neighbours(&mut self, id: u64) -> (u64, Vec<u64>) {
        let mut merged = Vec::new();
        let mut survivor = id;
        while let Some(story) = self.stories.get(&survivor) {
            let window = chrono::Duration::days(self.config.window_days);
            let (first, last) = (story.first - window, story.last + window);
            let mut neighbours: Vec<u64> = story
                .indexed
                .iter()
                .filter_map(|t| self.inverted.get(t).filter(|s| s.len() <= MAX_POSTING))
                .flatten()
                .copied()
                .filter(|&other| other != survivor)
                .collect();
            neighbours.sort_unstable();
            neighbours.dedup();
            let best = neighbours
                .into_iter()
                .filter_map(|other| {
                    let o = self.stories.get(&other)?;
                    if o.last < first || o.first > last {
                        return None;
                    }
                    let cosine = dot(&story.centroid, &o.centroid) / (story.norm * o.norm).max(f32::EPSILON);
                    (cosine >= self.config.merge_threshold).then_some((other, cosine))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((other, _)) = best else { break };
            let (keep, gone) = {
                let (a, b) = (&self.stories[&survivor], &self.stories[&other]);
                if (a.articles, std::cmp::Reverse(survivor)) >= (b.articles, std::cmp::Reverse(other)) {
                    (survivor, other)
                } else {
                    (other, survivor)
                }
            };
            self.absorb(keep, gone);
            merged.push(gone);
            survivor = keep;
        }
        (survivor, merged)
    }

    /// Moves story `gone` into story `keep`.
    fn absorb(&mut self, keep: u64, gone: u64) {
        let Some(old) = self.stories.remove(&gone) else { return };
        for t in &old.indexed {
            if let Some(list) = self.inverted.get_mut(t) {
                list.retain(|&s| s != gone);
            }
        }
        let Some(story) = self.stories.get_mut(&keep) else { return };
        story.articles += old.articles;
        add_headline(&mut story.headline, &old.headline);
        story.first = story.first.min(old.first);
        story.last = story.last.max(old.last);
        self.by_last.push_back((story.last, keep));
        // Centroids are sums of article vectors scaled to unit length; weigh each by its articles.
        #[allow(clippy::cast_precision_loss)]
        let (wk, wg) = ((story.articles - old.articles) as f32, old.articles as f32);
        let mut sum: HashMap<u32, f32> =
            story.centroid.iter().map(|&(t, x)| (t, x * wk / story.norm.max(f32::EPSILON))).collect();
        for (t, x) in old.centroid {
            *sum.entry(t).or_default() += x * wg / old.norm.max(f32::EPSILON);
        }
        self.update_centroid(keep, sum.into_iter().collect());
    }

    fn start(&mut self, id: u64, vector: Vec<(u32, f32)>, headline: Vec<u32>, at: DateTime<Utc>) {
        let story =
            Story { articles: 1, centroid: Vec::new(), norm: 0.0, first: at, last: at, indexed: Vec::new(), headline };
        self.stories.insert(id, story);
        self.update_centroid(id, vector);
        self.by_last.push_back((at, id));
    }

    fn join(&mut self, id: u64, vector: &[(u32, f32)], headline: &[u32], at: DateTime<Utc>) {
        let Some(story) = self.stories.get_mut(&id) else { return };
        story.articles += 1;
        add_headline(&mut story.headline, headline);
        let mut sum: HashMap<u32, f32> = story.centroid.iter().copied().collect();
        for &(t, x) in vector {
            *sum.entry(t).or_default() += x;
        }
        story.first = story.first.min(at);
        story.last = story.last.max(at);
        self.by_last.push_back((story.last, id));
        self.update_centroid(id, sum.into_iter().collect());
    }

    /// Keeps the strongest terms and re-indexes the story under its strongest ones.
    fn update_centroid(&mut self, id: u64, mut terms: Vec<(u32, f32)>) {
        terms.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(self.config.centroid_terms);
        // Terms in more than a twentieth of all articles do not tell stories apart: not indexed.
        let common = |t: u32| self.docs > 100 && self.df[t as usize] as f32 > self.docs as f32 * 0.05;
        let indexed: Vec<u32> =
            terms.iter().filter(|&&(t, _)| !common(t)).take(self.config.index_terms).map(|&(t, _)| t).collect();
        let norm = terms.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        terms.sort_unstable_by_key(|&(t, _)| t);
        let Some(story) = self.stories.get_mut(&id) else { return };
        let old = std::mem::replace(&mut story.indexed, indexed.clone());
        story.centroid = terms;
        story.norm = norm;
        for t in old.iter().filter(|t| !indexed.contains(t)) {
            if let Some(list) = self.inverted.get_mut(t) {
                list.retain(|&s| s != id);
            }
        }
        for t in indexed.iter().filter(|t| !old.contains(t)) {
            self.inverted.entry(*t).or_default().push(id);
        }
    }

    /// Drops stories idle for `retire_after_days` behind the newest article.
    fn retire(&mut self) {
        let Some(newest) = self.newest else { return };
        let cutoff = newest - chrono::Duration::days(self.config.retire_after_days);
        while let Some(&(last, id)) = self.by_last.front() {
            if last >= cutoff {
                break;
            }
            self.by_last.pop_front();
            // A later join pushed a newer entry for this story; this one is stale.
            if self.stories.get(&id).is_some_and(|s| s.last > last) {
                continue;
            }
            if let Some(story) = self.stories.remove(&id) {
                for t in story.indexed {
                    if let Some(list) = self.inverted.get_mut(&t) {
                        list.retain(|&s| s != id);
                        if list.is_empty() {
                            self.inverted.remove(&t);
                        }
                    }
                }
            }
        }
    }
}

/// Articles between two prunings of the vocabulary.
const PRUNE_EVERY: u64 = 50_000;

/// Posting lists longer than this are skipped when looking for candidates.
const MAX_POSTING: usize = 500;

/// Sparse dot product of two vectors sorted by term.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "and",
    "or",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "them",
    "him",
    "i",
    "we",
    "you",
    "our",
    "your",
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "should",
    "has",
    "have",
    "had",
    "not",
    "but",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "why",
    "how",
    "than",
    "then",
    "there",
    "here",
    "also",
    "after",
    "before",
    "over",
    "into",
    "about",
    "up",
    "out",
    "more",
    "most",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "just",
    "only",
    "very",
    "so",
    "if",
    "no",
    "yes",
    "all",
    "any",
    "some",
    "such",
    "other",
    "new",
    "one",
    "two",
    "three",
    "first",
    "last",
    "year",
    "years",
    "time",
    "people",
    "mr",
    "mrs",
    "ms",
    "according",
    "told",
    "news",
    "reported",
    "report",
    "saturday",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
];

static STOP_SET: std::sync::LazyLock<HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// True for words too common to say what an article is about.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Words: runs of letters (with inner apostrophes and hyphens), at least two characters.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(['\'', '-']))
        // Possessives fold: "Blumenthal's" is "Blumenthal".
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("'S")).unwrap_or(w))
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_alphabetic))
        .map(str::to_owned)
}

/// Headline words kept per story.
const HEADLINE_WORDS: usize = 64;

/// Adds words to a story's sorted headline set, keeping it bounded.
fn add_headline(story: &mut Vec<u32>, words: &[u32]) {
    if story.len() >= HEADLINE_WORDS {
        return;
    }
    story.extend_from_slice(words);
    story.sort_unstable();
    story.dedup();
    story.truncate(HEADLINE_WORDS);
}

/// True when the two sorted sets share an element.
fn shares_any(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A word as a term: lowercased, not a stop word, lightly stemmed.
fn content_word(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 3 || is_stop_word(&lower) {
        return None;
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if lower.len() > 5 && lower.ends_with(suffix) {
            return Some(lower[..lower.len() - suffix.len()].to_owned());
        }
    }
    Some(lower)
}

/// Capitalized word runs ("Glenn Beck", "Black Sea"). A capitalized word that starts a
/// sentence counts only when the next word is capitalized too ("Mara Okafor said").
fn names_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut held: Option<&str> = None; // a capitalized sentence start, waiting for the next word
    let mut sentence_start = true;
    let flush = |current: &mut Vec<&str>, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(current.join(" ").to_lowercase());
            current.clear();
        }
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase)
            && !is_stop_word(&word.to_lowercase());
        if capital && sentence_start {
            flush(&mut current, &mut out);
            held = Some(word);
        } else if capital {
            if let Some(h) = held.take() {
                current.push(h);
            }
            current.push(word);
        } else {
            held = None;
            flush(&mut current, &mut out);
        }
        let ends_sentence = raw.ends_with(['.', '!', '?']);
        if ends_sentence || raw.ends_with([':', ';', '"', '\u{201d}', ',']) {
            if let Some(h) = held.take().filter(|_| !current.is_empty()) {
                current.insert(0, h);
            }
            flush(&mut current, &mut out);
        }
        sentence_start = ends_sentence;
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, d, 9, 0, 0).unwrap()
    }

    #[test]
    fn a_day_later_the_next_event_on_a_subject_needs_its_own_headline_words() {
        let body_a = "Senator Ilse Brandt lost her party's primary on Tuesday to newcomer Tomas Wren, a defeat that \
            leaves the majority leader post open. Brandt conceded late in the evening. Wren campaigned on spending.";
        let body_b = "Representative Odile Marsh said on Wednesday she will run for majority leader after Senator \
            Ilse Brandt lost her primary to Tomas Wren. Marsh is backed by members who campaigned with Wren.";
        let body_c = "Ilse Brandt spoke to supporters on Wednesday, a day after her primary defeat to Tomas Wren, and \
            said she would not seek a recount. Brandt thanked staff. Wren will face no opponent in November.";
        let mut with_check = StoryClusterer::new(ClusterConfig::default());
        let first = with_check.assign("Brandt loses primary to newcomer Wren", body_a, day(4));
        // The next event (a leadership race) shares the subject and names but not the headline.
        let next = with_check.assign("Marsh enters majority leader race", body_b, day(5));
        assert!(next.created, "{next:?}");
        // The continuing story keeps its headline words and joins, a day later.
        let later = with_check.assign("Brandt's concession: no recount after primary loss", body_c, day(5));
        assert_eq!(later.story, first.story, "{later:?}");
        // Without the check, the next event would have joined: the check is what separates them.
        let mut without =
            StoryClusterer::new(ClusterConfig { headline_gap_hours: 24 * 365, ..ClusterConfig::default() });
        let first = without.assign("Brandt loses primary to newcomer Wren", body_a, day(4));
        let next = without.assign("Marsh enters majority leader race", body_b, day(5));
        assert_eq!(next.story, first.story);
    }

    #[test]
    fn possessives_fold_into_the_word() {
        let w: Vec<String> = words("Brandt's lead, O'Neill's vote").collect();
        assert_eq!(w, vec!["Brandt", "lead", "O'Neill", "vote"]);
    }

    #[test]
    fn the_same_event_from_different_outlets_is_one_story() {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let a = c.assign(
            "Harbour Bridge closes for deck repairs",
            "Port Alder's harbour bridge closed on Monday for six weeks of deck repairs, engineer Mara Okafor said. Ferries will run every ten minutes.",
            day(4),
        );
        let unrelated = c.assign(
            "Central bank holds interest rates",
            "The central bank left its interest rate unchanged on Monday, citing slowing inflation and weak exports.",
            day(4),
        );
        let b = c.assign(
            "Ferries added as Port Alder bridge shuts",
            "Engineers led by Mara Okafor began six weeks of deck repairs on the Port Alder harbour bridge; extra ferries are running.",
            day(5),
        );
        assert!(a.created && unrelated.created);
        assert_eq!(b.story, a.story, "{b:?}");
        assert!(!b.created);
        assert_ne!(unrelated.story, a.story);
    }

    #[test]
    fn two_stories_that_turn_out_to_be_one_merge() {
        // Strict joining, so the second report starts a story of its own; a third report that
        // tells both halves joins one, and the two stories are then alike enough to merge.
        let config = ClusterConfig { threshold: 0.35, merge_threshold: 0.3, ..ClusterConfig::default() };
        let mut c = StoryClusterer::new(config);
        let a = c.assign(
            "Harbour bridge closes",
            "Port Alder harbour bridge deck plates corroded; engineer Mara Okafor ordered the closure.",
            day(4),
        );
        let b = c.assign(
            "Ferries added",
            "Extra ferries between the fish quay and Eastgate while the Port Alder crossing is shut.",
            day(4),
        );
        assert_ne!(a.story, b.story, "too different to join at first");
        let both = c.assign(
            "Bridge shut, ferries added",
            "Port Alder harbour bridge closed after engineer Mara Okafor found corroded deck plates; extra ferries run between the fish quay and Eastgate.",
            day(5),
        );
        let mut all = vec![both.story];
        all.extend(&both.merged);
        all.sort_unstable();
        assert_eq!(all, [a.story, b.story], "{both:?}");
        assert_eq!(c.active_stories(), 1);
        let later =
            c.assign("Ferries at Eastgate", "More ferries between the fish quay and Eastgate this week.", day(6));
        assert_eq!(later.story, both.story, "the merged story takes later reports of either half");
    }

    #[test]
    fn old_stories_are_not_joined_and_retire() {
        let config = ClusterConfig { retire_after_days: 10, ..ClusterConfig::default() };
        let mut c = StoryClusterer::new(config);
        let text =
            "Port Alder harbour bridge deck repairs begin, engineer Mara Okafor said, with ferries every ten minutes.";
        let first = c.assign("Harbour bridge repairs begin", text, day(1));
        let much_later = c.assign("Harbour bridge repairs begin", text, day(20));
        assert_ne!(first.story, much_later.story, "outside the window");
        assert_eq!(c.active_stories(), 1, "the first story retired");
    }

    #[test]
    fn rare_old_words_are_forgotten() {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        // Each article brings one word nobody else uses (letters only: digits split words).
        let letters = |mut i: u64| {
            let mut w = String::from("zq");
            while i > 0 || w.len() < 6 {
                w.push(char::from(b'a' + u8::try_from(i % 26).unwrap_or(0)));
                i /= 26;
            }
            w
        };
        for i in 0..(PRUNE_EVERY * 2) {
            c.assign(&format!("Council budget vote {}", letters(i)), "The council debated the budget.", day(1));
        }
        assert!(c.vocabulary() < 60_000, "rare words from long ago are forgotten: {}", c.vocabulary());
        assert!(c.vocabulary() > 1_000, "recent ones are kept");
    }

    #[test]
    fn deterministic_across_runs() {
        let run = || {
            let mut c = StoryClusterer::new(ClusterConfig::default());
            (1..=6)
                .map(|i| {
                    c.assign(
                        &format!("Story {} about topic {}", i % 3, i % 2),
                        "Words about the council budget and the bridge and ferries.",
                        day(i),
                    )
                    .story
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn names_skip_sentence_starts() {
        assert_eq!(
            names_in("The bridge closed. Mara Okafor said the Black Sea was calm."),
            ["mara okafor", "black sea"]
        );
    }
}
