//! Online story clustering: articles join stories as they arrive, in publication order.
//!
//! A story is one event: something that happened, reported by several outlets, perhaps in
//! several languages, over hours or days. An article becomes two TF-IDF vectors (see
//! [`terms`]): its words (title words weigh more), whose rarity is judged among the texts
//! of its script, and its anchors (names folded to Latin letters, numbers, countries and
//! dates), which stay the same across languages. Document frequencies are learned as articles arrive, with a
//! prior so that the first articles are not judged on a handful of documents.
//!
//! Candidate stories come from an inverted index over the strongest terms of each story's
//! centroid (never a scan of all stories). The article joins the most similar candidate
//! when the similarity clears a bar that rises with the time between the article and the
//! story: a report of the same event hours later shares its words and names, while the next
//! event on the same subject, a day later, shares the subject only and starts its own story.
//! Across languages only anchors can meet, so they count alone there (within one script, only
//! when more than one is shared: names are spelled alike there, and a language told wrong is
//! not another language). One shared name and hardly a word besides is two events that share
//! an actor or a place. When a story grows to be very like another story of the same time,
//! the two merge. Stories that fall too far behind the newest article are retired from the
//! index, so memory stays bounded.

mod terms;

use std::collections::VecDeque;

use crate::hash::HashMap;

use chrono::{DateTime, Utc};
pub(crate) use terms::content_word;
use terms::{Script, Token, anchors, tokens};

/// Settings, chosen for news and checked on ../shared/eval/clustering (see BENCHMARKS.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterConfig {
    /// Least similarity to join a story of the same hour.
    pub threshold: f32,
    /// Added to the bar for each day between the article and the story...
    pub threshold_per_day: f32,
    /// ...up to this many days: a report days later that is very like the story still joins.
    pub threshold_days_cap: f32,
    /// The share of that rise for an article in a language the story is not told in.
    pub time_across_languages: f32,
    /// Least similarity between two stories' centroids for them to become one.
    pub merge_threshold: f32,
    /// Added to the document count in the IDF, so early articles are not over-weighted.
    pub idf_prior: f32,
    pub title_weight: f32,
    /// The share of the word similarity in the similarity of texts in one language (the rest
    /// is the anchors').
    pub word_share: f32,
    /// The weight of the anchor similarity alone, which is all texts in two languages share.
    pub anchor_alone: f32,
    /// Least word similarity for an article to join a story of its language when all their
    /// anchors share is one name.
    pub lone_name_words: f32,
    /// Only stories with an article within this many days are candidates (as long as a story
    /// stays in the index: a report two weeks on joins only when it is very like the story,
    /// since the bar has long reached its cap).
    pub window_days: i64,
    /// An article this many hours or more from a story whose headline shares no word that is
    /// not a name with the story's headlines...
    pub headline_gap_hours: i64,
    /// ...must clear a bar this much higher.
    pub headline_penalty: f32,
    /// Added to the bar when the article's headline names a place (a country, a US state, a
    /// region) and the story's headlines name others and not it: two states' laws, two
    /// countries' central banks.
    pub place_penalty: f32,
    /// Stories idle this many days behind the newest article leave the index.
    pub retire_after_days: i64,
    /// Terms kept in a story's centroid.
    pub centroid_terms: usize,
    /// Centroid terms entered in the inverted index.
    pub index_terms: usize,
    /// Article words used to find candidates...
    pub query_terms: usize,
    /// ...and article anchors.
    pub query_anchors: usize,
    /// Candidate stories compared with an article: those that share most of its terms (a
    /// quarter as many neighbours are compared with a story that grew).
    pub max_candidates: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            threshold: 0.12,
            threshold_per_day: 0.25,
            threshold_days_cap: 1.5,
            time_across_languages: 0.5,
            merge_threshold: 0.5,
            idf_prior: 20.0,
            title_weight: 3.0,
            word_share: 0.7,
            anchor_alone: 1.0,
            lone_name_words: 0.01,
            window_days: 14,
            headline_gap_hours: 12,
            headline_penalty: 0.15,
            place_penalty: 0.15,
            retire_after_days: 14,
            centroid_terms: 60,
            index_terms: 30,
            query_terms: 24,
            query_anchors: 24,
            max_candidates: 64,
        }
    }
}

/// An article as the clusterer reads it.
#[derive(Debug, Clone, Copy)]
pub struct StoryArticle<'a> {
    pub title: &'a str,
    pub text: &'a str,
    /// Its language (a BCP 47 tag), if known.
    pub language: Option<&'a str>,
    /// When it was published.
    pub at: DateTime<Utc>,
    /// True when only the day of publication is known (`at` is then noon of that day).
    pub day_only: bool,
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story's number, unique within this clusterer.
    pub story: u64,
    /// True when the article started the story.
    pub created: bool,
    /// Similarity to the story it joined (0 for a new story).
    pub similarity: f32,
    /// Stories that turned out to be this one and were merged into it: their articles now
    /// belong to `story`.
    pub merged: Vec<u64>,
}

/// An article, or a story's centroid: word and anchor vectors, each sorted by term.
#[derive(Debug, Default, Clone)]
struct Profile {
    words: Vec<(u32, f32)>,
    anchors: Vec<(u32, f32)>,
    word_norm: f32,
    anchor_norm: f32,
    /// The norm of the anchors that other articles have too (an article's anchors seen
    /// nowhere else cannot meet a story and only dilute its cosine).
    anchor_seen_norm: f32,
    /// The languages of its articles (the script where the language is unknown), one bit
    /// each (a hash of the tag).
    languages: u64,
}

impl Profile {
    /// How alike two profiles are: words and anchors within one script, anchors alone
    /// across languages.
    fn similarity(&self, other: &Self, config: &ClusterConfig) -> f32 {
        self.similarity_as(other, config, self.languages & other.languages == 0)
    }

    /// The cosine of the word vectors without the one word they share most (most often a
    /// name).
    fn word_similarity_beyond_strongest(&self, other: &Self) -> f32 {
        if self.word_norm <= f32::EPSILON || other.word_norm <= f32::EPSILON {
            return 0.0;
        }
        let (a, b) = (&self.words, &other.words);
        let (mut i, mut j, mut sum, mut top) = (0, 0, 0.0f32, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let x = a[i].1 * b[j].1;
                    sum += x;
                    top = top.max(x);
                    i += 1;
                    j += 1;
                }
            }
        }
        (sum - top) / (self.word_norm * other.word_norm)
    }

    /// [`Profile::similarity`], with anchors alone counting when `apart` (the texts are in
    /// different languages, or mostly so).
    fn similarity_as(&self, other: &Self, config: &ClusterConfig, apart: bool) -> f32 {
        let cosine = |a: &[(u32, f32)], an: f32, b: &[(u32, f32)], bn: f32| {
            if an <= f32::EPSILON || bn <= f32::EPSILON { 0.0 } else { dot(a, b) / (an * bn) }
        };
        let words = cosine(&self.words, self.word_norm, &other.words, other.word_norm);
        let anchors = cosine(&self.anchors, self.anchor_norm, &other.anchors, other.anchor_norm);
        let anchors_seen = cosine(&self.anchors, self.anchor_seen_norm, &other.anchors, other.anchor_norm).min(1.0);
        let both = if self.anchors.is_empty() || other.anchors.is_empty() {
            words
        } else {
            config.word_share * words + (1.0 - config.word_share) * anchors
        };
        if apart {
            // Texts in different languages share hardly any words: anchors are all they share.
            // (An article's anchors that no other article has, most often its language's own
            // capitalised words, cannot meet the story: they are left out of its norm.)
            both.max(config.anchor_alone * anchors_seen)
        } else {
            both
        }
    }
}

#[derive(Debug)]
struct Story {
    articles: u32,
    profile: Profile,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    indexed: Vec<u32>,
    /// How uncertain its times are: a day when some are known only to the day.
    slack: chrono::Duration,
    /// The headline words of its articles that are not names, sorted, bounded.
    headline: Vec<u32>,
    /// The places its articles' headlines name, sorted, bounded.
    places: Vec<u64>,
    /// Its articles per language bit (see [`Profile::languages`]).
    language_counts: Vec<(u64, u32)>,
    /// The scripts of its articles, one bit each ([`Script::index`]).
    scripts: u16,
}

impl Story {
    /// Whether most of its articles are in another language than `languages` (an article's
    /// bit): then its words are mostly theirs, and anchors alone compare it with the article.
    fn mostly_other_languages(&self, languages: u64) -> bool {
        let own: u32 = self.language_counts.iter().filter(|(bit, _)| bit & languages != 0).map(|(_, n)| n).sum();
        own * 2 < self.articles
    }

    fn count_languages(&mut self, languages: u64, n: u32) {
        match self.language_counts.iter_mut().find(|(bit, _)| *bit == languages) {
            Some((_, count)) => *count += n,
            None => self.language_counts.push((languages, n)),
        }
    }
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
    /// What kind of anchor each term is.
    anchor_kind: Vec<AnchorKind>,
    docs: u64,
    /// Articles seen per script.
    docs_by_script: [u64; Script::ALL],
    stories: HashMap<u64, Story>,
    inverted: HashMap<u32, Vec<u64>>,
    /// Stories by when they were last joined, oldest first, for retiring.
    by_last: VecDeque<(DateTime<Utc>, u64)>,
    newest: Option<DateTime<Utc>>,
    next_story: u64,
}

/// An article's term counts before weighing.
struct Counts {
    words: Vec<(u32, f32)>,
    anchors: Vec<(u32, f32)>,
    script: Script,
    language: Option<String>,
    /// The headline's words that are not names (see [`terms::headline_words`]), sorted.
    headline: Vec<u32>,
}

impl StoryClusterer {
    #[must_use]
    pub fn new(config: ClusterConfig) -> Self {
        Self {
            config,
            vocab: HashMap::default(),
            df: Vec::new(),
            last_seen: Vec::new(),
            anchor_kind: Vec::new(),
            docs: 0,
            docs_by_script: [0; Script::ALL],
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
        self.assign_in(title, text, None, at)
    }

    /// Assigns an article in `language` (a BCP 47 tag, if known) published at `at` to a
    /// story.
    pub fn assign_in(&mut self, title: &str, text: &str, language: Option<&str>, at: DateTime<Utc>) -> Assignment {
        self.assign_article(&StoryArticle { title, text, language, at, day_only: false })
    }

    /// Assigns an article to a story.
    pub fn assign_article(&mut self, article: &StoryArticle<'_>) -> Assignment {
        let StoryArticle { title, text, language, at, day_only } = *article;
        // A date without a time or zone could be any hour of that day in any zone.
        let slack = if day_only { chrono::Duration::hours(24) } else { chrono::Duration::zero() };
        let mut counts = self.features(title, text);
        counts.language = language.map(str::to_owned);
        self.docs += 1;
        self.docs_by_script[counts.script.index()] += 1;
        for &(term, _) in counts.words.iter().chain(&counts.anchors) {
            self.df[term as usize] += 1;
            self.last_seen[term as usize] = self.docs;
        }
        if self.docs.is_multiple_of(PRUNE_EVERY) {
            self.prune_vocabulary();
        }
        let profile = self.weigh(&counts);
        let arrival = Arrival {
            at,
            slack,
            headline: std::mem::take(&mut counts.headline),
            places: terms::headline_places(title),
            language_known: language.is_some(),
            script: counts.script,
        };
        let best = self.best_candidate(&profile, &arrival);
        self.newest = Some(self.newest.map_or(at, |n| n.max(at)));
        let assignment = match best {
            Some((story, similarity)) => {
                self.join(story, &profile, &arrival);
                let (story, merged) = self.merge_into_neighbours(story);
                Assignment { story, created: false, similarity, merged }
            }
            None => {
                let story = self.next_story;
                self.next_story += 1;
                self.start(story, profile, &arrival);
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
        self.anchor_kind.push(AnchorKind {
            derived: word.starts_with('%') || word.starts_with("@=") || word.starts_with('^'),
            name: word.starts_with('%') || word.starts_with('~'),
        });
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

    /// Term counts: title terms (weighted), the first 600 body tokens, and the anchors of
    /// both.
    fn features(&mut self, title: &str, text: &str) -> Counts {
        let body: &str = match text.char_indices().nth(6000) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        let script = Script::dominant(if body.trim().is_empty() { title } else { body });
        let mut words: HashMap<u32, f32> = HashMap::default();
        let mut marks: HashMap<u32, f32> = HashMap::default();
        let title_tokens = tokens(title);
        let body_tokens: Vec<Token<'_>> = tokens(body).into_iter().take(600).collect();
        for (list, weight) in [(&title_tokens, self.config.title_weight), (&body_tokens, 1.0)] {
            for token in list {
                let key = match token {
                    Token::Word { text, .. } => content_word(text),
                    Token::Pair(pair) => Some((*pair).to_owned()),
                    Token::Number(_) => None,
                };
                if let Some(key) = key {
                    let id = self.term(&key);
                    *words.entry(id).or_default() += weight;
                }
            }
            let mut seen: HashMap<String, f32> = HashMap::default();
            let text = if std::ptr::eq(list, &title_tokens) { title } else { body };
            for anchor in anchors(text, list) {
                *seen.entry(anchor).or_default() += 1.0;
            }
            for (anchor, n) in seen {
                let id = self.term(&anchor);
                *marks.entry(id).or_default() += weight * n.min(3.0);
            }
        }
        let sorted = |map: HashMap<u32, f32>| {
            let mut v: Vec<(u32, f32)> = map.into_iter().collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            v
        };
        let mut headline: Vec<u32> =
            terms::headline_words(&title_tokens, &body_tokens).iter().map(|w| self.term(w)).collect();
        headline.sort_unstable();
        headline.dedup();
        Counts { words: sorted(words), anchors: sorted(marks), script, language: None, headline }
    }

    /// Normalized TF-IDF vectors. A word's rarity is judged among the articles of the same
    /// script; an anchor's among all.
    fn weigh(&self, counts: &Counts) -> Profile {
        let prior = 1.0 + self.config.idf_prior;
        let weigh = |terms: &[(u32, f32)], n: f32| -> (Vec<(u32, f32)>, f32) {
            let v: Vec<(u32, f32)> = terms
                .iter()
                .map(|&(t, c)| (t, (1.0 + c.ln()) * ((n + prior) / (self.df[t as usize] as f32 + 0.5)).ln().max(0.0)))
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            (v, norm)
        };
        #[allow(clippy::cast_precision_loss)]
        let (words, word_norm) = weigh(&counts.words, self.docs_by_script[counts.script.index()] as f32);
        #[allow(clippy::cast_precision_loss)]
        let (anchors, anchor_norm) = weigh(&counts.anchors, self.docs as f32);
        let unit = |(mut v, norm): (Vec<(u32, f32)>, f32)| {
            if norm > f32::EPSILON {
                for (_, x) in &mut v {
                    *x /= norm;
                }
            }
            let norm = if norm > f32::EPSILON { 1.0 } else { 0.0 };
            (v, norm)
        };
        let (words, word_norm) = unit((words, word_norm));
        let (anchors, anchor_norm) = unit((anchors, anchor_norm));
        let anchor_seen_norm =
            anchors.iter().filter(|(t, _)| self.df[*t as usize] > 1).map(|(_, x)| x * x).sum::<f32>().sqrt();
        let tag = counts.language.as_deref().map_or_else(
            || format!("{:?}", counts.script),
            |l| newsdesk_model::primary_language(l).to_ascii_lowercase(),
        );
        let bit = crate::hash::hash_str(&tag) % 64;
        Profile { words, anchors, word_norm, anchor_norm, anchor_seen_norm, languages: 1 << bit }
    }

    /// The time between an article at `at` (uncertain by `slack`) and a story's articles.
    #[allow(clippy::unused_self)]
    fn gap(&self, story: &Story, at: DateTime<Utc>, slack: chrono::Duration) -> chrono::Duration {
        let gap = if at > story.last {
            at - story.last
        } else if at < story.first {
            story.first - at
        } else {
            chrono::Duration::zero()
        };
        (gap - slack - story.slack).max(chrono::Duration::zero())
    }

    /// The bar a story must clear for an article at `at` (uncertain by `slack`): it rises
    /// with the time between them, for a while, so that a report of the same event hours
    /// later joins while the next event on the subject, a day later, does not, and a report
    /// that is very like the story still joins days later.
    fn bar(&self, story: &Story, at: DateTime<Utc>, slack: chrono::Duration) -> f32 {
        let gap = self.gap(story, at, slack);
        #[allow(clippy::cast_precision_loss)]
        let days = gap.num_minutes() as f32 / (24.0 * 60.0);
        self.config.threshold + self.config.threshold_per_day * days.min(self.config.threshold_days_cap)
    }

    fn best_candidate(&self, profile: &Profile, arrival: &Arrival) -> Option<(u64, f32)> {
        let Arrival { at, slack, ref headline, ref places, language_known, script } = *arrival;
        let mut hits: Vec<u64> = Vec::new();
        for (part, limit) in [(&profile.words, self.config.query_terms), (&profile.anchors, self.config.query_anchors)]
        {
            let mut strongest: Vec<&(u32, f32)> = part.iter().collect();
            strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for &&(term, _) in strongest.iter().take(limit) {
                // A term shared by very many stories finds no particular one: skip it.
                if let Some(stories) = self.inverted.get(&term).filter(|s| s.len() <= MAX_POSTING) {
                    hits.extend(stories.iter().copied());
                }
            }
        }
        let window = chrono::Duration::days(self.config.window_days);
        let mut best: Option<(u64, f32, f32)> = None;
        for id in most_shared(hits, self.config.max_candidates) {
            let Some(story) = self.stories.get(&id) else { continue };
            if at < story.first - window || at > story.last + window {
                continue;
            }
            let disjoint = profile.languages & story.profile.languages == 0;
            let shared = std::cell::OnceCell::new();
            let shared = || *shared.get_or_init(|| self.shared_anchors(&profile.anchors, &story.profile.anchors));
            // Texts in one script that share no language (often a language told wrong) spell
            // names alike: one shared name alone does not make them one event. A text whose
            // language is unknown (a language not listed, or too short to tell) is another
            // language than a story mostly in others too, when it shares several anchors with
            // it: one shared number is not enough.
            let apart = (disjoint
                || story.mostly_other_languages(profile.languages) && (language_known || shared().several))
                && (story.scripts != 1 << script.index() || shared().several);
            let similarity = profile.similarity_as(&story.profile, &self.config, apart);
            // Past a few hours, what happened is told in the same words: a report of the same
            // event shares a headline word that is not a name ("strike", "quake"), while the next
            // event on the subject shares only its names; without one, only a report very like
            // the story joins.
            let late = self.gap(story, at, slack) >= chrono::Duration::hours(self.config.headline_gap_hours);
            let mut bar = self.bar(story, at, slack);
            // A script none of the story's articles is written in is another language too,
            // whether or not the article's language was told.
            let other_script = story.scripts & (1 << script.index()) == 0;
            if disjoint && (language_known || other_script) {
                // A report in another language comes later (an outlet abroad takes the event
                // up) and can share only names, numbers, places and dates, which are specific:
                // time counts less.
                bar = self.config.threshold + (bar - self.config.threshold) * self.config.time_across_languages;
            }
            if late && !headline.is_empty() && !story.headline.is_empty() && !shares_any(headline, &story.headline) {
                bar += self.config.headline_penalty;
            }
            // Another place's event on the same subject: the same words, other actors.
            if places_conflict(places, &story.places) {
                bar += self.config.place_penalty;
            }
            let margin = similarity - bar;
            // One name in common (a surname, a namesake) and hardly a word besides is two
            // events that share an actor or a place, not one event told twice.
            if margin >= 0.0
                && !apart
                && profile.word_similarity_beyond_strongest(&story.profile) < self.config.lone_name_words
            {
                let shared = shared();
                if shared.names_only && !shared.several {
                    continue;
                }
            }
            if margin >= 0.0 && best.is_none_or(|(_, _, m)| margin > m) {
                best = Some((id, similarity, margin));
            }
        }
        best.map(|(id, similarity, _)| (id, similarity))
    }

    /// What two anchor vectors share (see [`SharedAnchors`]).
    fn shared_anchors(&self, a: &[(u32, f32)], b: &[(u32, f32)]) -> SharedAnchors {
        let (mut i, mut j, mut written, mut derived) = (0, 0, 0, 0);
        let mut names_only = true;
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let kind = self.anchor_kind[a[i].0 as usize];
                    if kind.derived {
                        derived += 1
                    } else {
                        written += 1
                    }
                    names_only &= kind.name;
                    i += 1;
                    j += 1;
                }
            }
        }
        // One name gives its written form and its skeleton (or city): count each kind apart.
        SharedAnchors { several: written.max(derived) >= 2, names_only }
    }

    /// After a story grew, any active story of the same days whose centroid is now very like
    /// its own is the same story: the smaller merges into the larger (ties: into the older).
    /// Returns the surviving story and the stories merged into it.
    fn merge_into_neighbours(&mut self, id: u64) -> (u64, Vec<u64>) {
        let mut merged = Vec::new();
        let mut survivor = id;
        while let Some(story) = self.stories.get(&survivor) {
            let neighbours: Vec<u64> = story
                .indexed
                .iter()
                .filter_map(|t| self.inverted.get(t).filter(|s| s.len() <= MAX_POSTING))
                .flatten()
                .copied()
                .filter(|&other| other != survivor)
                .collect();
            let best = most_shared(neighbours, self.config.max_candidates / 4)
                .into_iter()
                .filter_map(|other| {
                    let o = self.stories.get(&other)?;
                    // The bar rises with the time between the two stories, as for articles.
                    let gap_bar =
                        self.bar(story, o.last, o.slack).max(self.bar(story, o.first, o.slack)) - self.config.threshold;
                    let similarity = story.profile.similarity(&o.profile, &self.config);
                    (similarity >= self.config.merge_threshold + gap_bar).then_some((other, similarity))
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
        // Centroids are sums of article vectors scaled to unit length; weigh each by its articles.
        #[allow(clippy::cast_precision_loss)]
        let (wk, wg) = (story.articles as f32, old.articles as f32);
        story.articles += old.articles;
        for &(bit, n) in &old.language_counts {
            story.count_languages(bit, n);
        }
        story.first = story.first.min(old.first);
        story.last = story.last.max(old.last);
        story.slack = story.slack.max(old.slack);
        add_bounded(&mut story.headline, &old.headline, HEADLINE_WORDS);
        add_bounded(&mut story.places, &old.places, HEADLINE_PLACES);
        self.by_last.push_back((story.last, keep));
        let profile = Profile {
            words: add_scaled(&story.profile.words, wk, &old.profile.words, wg),
            anchors: add_scaled(&story.profile.anchors, wk, &old.profile.anchors, wg),
            languages: story.profile.languages | old.profile.languages,
            ..Profile::default()
        };
        self.update_centroid(keep, profile);
    }

    fn start(&mut self, id: u64, profile: Profile, arrival: &Arrival) {
        let Arrival { at, slack, .. } = *arrival;
        let story = Story {
            articles: 0,
            profile: Profile::default(),
            first: at,
            last: at,
            indexed: Vec::new(),
            slack,
            headline: Vec::new(),
            places: Vec::new(),
            language_counts: Vec::new(),
            scripts: 0,
        };
        self.stories.insert(id, story);
        self.join(id, &profile, arrival);
    }

    /// Adds an article to a story: its vector joins the centroid.
    fn join(&mut self, id: u64, profile: &Profile, arrival: &Arrival) {
        let Arrival { at, slack, ref headline, ref places, .. } = *arrival;
        let Some(story) = self.stories.get_mut(&id) else { return };
        add_bounded(&mut story.headline, headline, HEADLINE_WORDS);
        add_bounded(&mut story.places, places, HEADLINE_PLACES);
        story.slack = story.slack.max(slack);
        #[allow(clippy::cast_precision_loss)]
        let n = story.articles as f32;
        story.articles += 1;
        story.count_languages(profile.languages, 1);
        story.scripts |= 1 << arrival.script.index();
        story.first = story.first.min(at);
        story.last = story.last.max(at);
        self.by_last.push_back((story.last, id));
        let sum = Profile {
            words: add_scaled(&story.profile.words, n, &profile.words, 1.0),
            anchors: add_scaled(&story.profile.anchors, n, &profile.anchors, 1.0),
            languages: story.profile.languages | profile.languages,
            ..Profile::default()
        };
        self.update_centroid(id, sum);
    }

    /// Keeps the strongest terms of a summed profile, scaled to unit length, and re-indexes
    /// the story under its strongest ones.
    fn update_centroid(&mut self, id: u64, sum: Profile) {
        let keep = |mut terms: Vec<(u32, f32)>, limit: usize| {
            terms.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            terms.truncate(limit);
            terms
        };
        let words = keep(sum.words, self.config.centroid_terms);
        let anchors = keep(sum.anchors, self.config.centroid_terms / 2);
        // Terms in more than a twentieth of all articles do not tell stories apart: not indexed.
        #[allow(clippy::cast_precision_loss)]
        let common = |t: u32| self.docs > 100 && self.df[t as usize] as f32 > self.docs as f32 * 0.05;
        let indexed: Vec<u32> = words
            .iter()
            .filter(|&&(t, _)| !common(t))
            .take(self.config.index_terms)
            .chain(anchors.iter().filter(|&&(t, _)| !common(t)).take(self.config.index_terms / 2))
            .map(|&(t, _)| t)
            .collect();
        let unit = |mut terms: Vec<(u32, f32)>| {
            let norm = terms.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > f32::EPSILON {
                for (_, x) in &mut terms {
                    *x /= norm;
                }
            }
            terms.sort_unstable_by_key(|&(t, _)| t);
            (terms, if norm > f32::EPSILON { 1.0 } else { 0.0 })
        };
        let (words, word_norm) = unit(words);
        let (anchors, anchor_norm) = unit(anchors);
        let Some(story) = self.stories.get_mut(&id) else { return };
        let old = std::mem::replace(&mut story.indexed, indexed.clone());
        story.profile =
            Profile { words, anchors, word_norm, anchor_norm, anchor_seen_norm: anchor_norm, languages: sum.languages };
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

/// What an anchor is: see [`terms::anchors`] for the prefixes.
#[derive(Debug, Clone, Copy)]
struct AnchorKind {
    /// Made from a name's spelling (a consonant skeleton, a city's name in any script)
    /// rather than the name as written, or the kind of event told (`^earthquake`).
    derived: bool,
    /// A name, or part of one (not a number, country, city or date).
    name: bool,
}

/// What an article's anchors share with a story's.
#[derive(Debug, Clone, Copy)]
struct SharedAnchors {
    /// More than one name, number, place or date (a name's written form and skeleton count
    /// once).
    several: bool,
    /// Nothing but names (or nothing at all).
    names_only: bool,
}

/// When an article was published, as placing it needs it.
struct Arrival {
    at: DateTime<Utc>,
    /// How uncertain `at` is.
    slack: chrono::Duration,
    headline: Vec<u32>,
    /// The places its headline names (see [`terms::headline_places`]), sorted.
    places: Vec<u64>,
    /// Whether the article's language is known (else it is told by its script only, and may
    /// well be in the language of a story that has articles in that script).
    language_known: bool,
    /// Its dominant script.
    script: Script,
}

/// Headline words kept per story.
const HEADLINE_WORDS: usize = 64;
/// Headline places kept per story.
const HEADLINE_PLACES: usize = 16;

/// Adds items to one of a story's sorted sets (its headline words, its headline places),
/// keeping it at most `bound` long.
fn add_bounded<T: Ord + Copy>(set: &mut Vec<T>, items: &[T], bound: usize) {
    if set.len() >= bound {
        return;
    }
    set.extend_from_slice(items);
    set.sort_unstable();
    set.dedup();
    set.truncate(bound);
}

/// The stories found most often in `hits` (one entry per shared index term), at most `keep`
/// of them, in order of their numbers; ties go to the newer story.
fn most_shared(mut hits: Vec<u64>, keep: usize) -> Vec<u64> {
    hits.sort_unstable();
    let mut counted: Vec<(u64, u32)> = Vec::with_capacity(hits.len());
    for id in hits {
        match counted.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => counted.push((id, 1)),
        }
    }
    if counted.len() > keep {
        counted.select_nth_unstable_by(keep, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        counted.truncate(keep);
        counted.sort_unstable();
    }
    counted.into_iter().map(|(id, _)| id).collect()
}

/// Whether two headline place sets name different places of one level and none in common at
/// that level: two states or regions; or two countries, each the only country its side names
/// (an event between countries names several, and a report of it may name one other).
fn places_conflict(a: &[u64], b: &[u64]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    fn at(set: &[u64], level: u64) -> impl Iterator<Item = u64> + '_ {
        set.iter().copied().filter(move |p| p & 1 == level)
    }
    [0, 1].into_iter().any(|level| {
        let (na, nb) = (at(a, level).count(), at(b, level).count());
        let sizes = if level == 0 { na == 1 && nb == 1 } else { na > 0 && nb > 0 };
        sizes && !at(a, level).any(|p| b.contains(&p))
    })
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

/// `a * wa + b * wb` of two vectors sorted by term.
fn add_scaled(a: &[(u32, f32)], wa: f32, b: &[(u32, f32)], wb: f32) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(ta, xa)), Some(&(tb, xb))) if ta == tb => {
                out.push((ta, xa * wa + xb * wb));
                i += 1;
                j += 1;
            }
            (Some(&(ta, xa)), Some(&(tb, _))) if ta < tb => {
                out.push((ta, xa * wa));
                i += 1;
            }
            (Some(&(ta, xa)), None) => {
                out.push((ta, xa * wa));
                i += 1;
            }
            (_, Some(&(tb, xb))) => {
                out.push((tb, xb * wb));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

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

/// True for words too common to say what an article is about (see `lexicon::english`).
pub(crate) use crate::lexicon::english::is_stop_word;

#[cfg(test)]
mod tests;
