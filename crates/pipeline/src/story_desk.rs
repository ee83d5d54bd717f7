//! Understanding stored articles as they arrive, and saving what was understood.
//!
//! A [`Desk`] holds one [`Understanding`] for the process, and the map from its story
//! numbers to stored story ids. New and changed articles go through [`Desk::understand`]:
//! analysis on the blocking threads, placement in publication order under the desk's lock,
//! then one write. On start [`Desk::warm_up`] replays the last days of stored articles, so
//! that a restarted newsdesk keeps joining the stories it had.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use newsdesk_model::{ArticleId, StoryId};
use newsdesk_store::{EntityRecord, Placed, Store, StoreError, UnderstandingInput, Understood};
use newsdesk_stories::SummaryConfig;

use crate::understand::{Analysis, ArticleText, Fields, Understanding, analyze};

/// How far back (behind the newest stored article) a warm-up replays: the copy detector's
/// memory, which is longer than the story clusterer's candidate window.
pub const WARM_UP_DAYS: i64 = 7;
/// Articles read per page when replaying or reclustering.
pub const PAGE: u32 = 500;

/// What the desk computes: stored articles have their language and summary already.
const DESK_FIELDS: Fields =
    Fields { language: false, summary: false, entities: true, keyphrases: true, copies: true, stories: true };

/// A stored article with its independent work done.
#[derive(Debug)]
pub struct Analyzed {
    input: UnderstandingInput,
    analysis: Analysis,
}

/// The pure part, for a batch: any thread.
#[must_use]
pub fn analyze_stored(inputs: Vec<UnderstandingInput>, fields: Fields) -> Vec<Analyzed> {
    let config = SummaryConfig::default();
    inputs
        .into_iter()
        .map(|input| {
            let fields = Fields { summary: input.needs_summary, ..fields };
            let analysis = analyze(&text_of(&input, ""), fields, &config);
            Analyzed { input, analysis }
        })
        .collect()
}

fn text_of<'a>(input: &'a UnderstandingInput, id: &'a str) -> ArticleText<'a> {
    ArticleText {
        id,
        title: &input.title,
        text: &input.body_text,
        source: input.source.as_deref(),
        original_domain: input.original_domain.as_deref(),
    }
}

/// A generated summary within the store's limit.
fn cut_chars(s: &str) -> String {
    s.chars().take(newsdesk_model::limits::SUMMARY_CHARS).collect()
}

/// How [`StoryDesk::place`] treats articles that already have a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replay {
    /// Live: an article with a story keeps it (its entities and keyphrases are renewed);
    /// the others are placed.
    Live,
    /// Warming up: every article is placed to rebuild the state; stored stories are adopted,
    /// and only articles without a story are saved.
    WarmUp,
}

/// The understanding state of a process and its story ids.
#[derive(Debug, Default)]
pub struct StoryDesk {
    understanding: Understanding,
    ids: HashMap<u64, StoryId>,
}

impl StoryDesk {
    /// Places analyzed articles (in the order given, which should be time order) and says
    /// what to save.
    pub fn place(&mut self, items: Vec<Analyzed>, replay: Replay) -> Vec<Understood> {
        let fields = DESK_FIELDS;
        let mut out = Vec::with_capacity(items.len());
        for Analyzed { input, mut analysis } in items {
            let entities = analysis
                .entities
                .iter()
                .map(|e| EntityRecord {
                    kind: e.kind.as_str().to_owned(),
                    key: e.key.clone(),
                    name: e.name.clone(),
                    mentions: e.mentions,
                })
                .collect();
            let keyphrases = std::mem::take(&mut analysis.keyphrases);
            let summary = (!analysis.summary.is_empty()).then(|| cut_chars(&analysis.summary.join(" ")));
            if replay == Replay::Live && input.story.is_some() {
                out.push(Understood { article: input.id, placed: None, entities, keyphrases, summary });
                continue;
            }
            let id_text = input.id.to_string();
            let placement =
                self.understanding.place(&text_of(&input, &id_text), &mut analysis, Some(input.at), input.at, fields);
            let Some(assignment) = placement.story else { continue };
            let mut merged = Vec::new();
            for gone in &assignment.merged {
                if let Some(id) = self.ids.remove(gone) {
                    merged.push(id);
                }
            }
            let story = match (self.ids.get(&assignment.story), input.story) {
                (Some(&id), _) => id,
                (None, Some(stored)) => stored,
                (None, None) => StoryId::new_v7(),
            };
            self.ids.insert(assignment.story, story);
            if replay == Replay::WarmUp && input.story.is_some() {
                continue;
            }
            let copy_of = placement.copy_of.and_then(|c| c.parse::<ArticleId>().ok());
            out.push(Understood {
                article: input.id,
                placed: Some(Placed { story, merged, copy_of }),
                entities,
                keyphrases,
                summary,
            });
        }
        self.forget_retired();
        out
    }

    /// Drops the ids of stories the clusterer has retired, so memory stays bounded.
    fn forget_retired(&mut self) {
        let active = self.understanding.active_stories();
        if self.ids.len() > 2 * active + 1024 {
            let understanding = &self.understanding;
            self.ids.retain(|n, _| understanding.story_active(*n));
        }
    }
}

/// A process's [`StoryDesk`], shared by every task that stores articles.
#[derive(Debug, Clone)]
pub struct Desk(Arc<tokio::sync::Mutex<StoryDesk>>, Arc<std::sync::atomic::AtomicBool>, bool);

impl Default for Desk {
    fn default() -> Self {
        Self::new()
    }
}

impl Desk {
    /// A desk that starts from nothing; [`Desk::warm_up`] before storing articles.
    #[must_use]
    pub fn new() -> Self {
        Self(Arc::default(), Arc::default(), true)
    }

    /// A desk that understands nothing (`crawl.understand = false`): articles are stored
    /// without stories, copies or entities until `newsdesk recluster`.
    #[must_use]
    pub fn off() -> Self {
        Self(Arc::default(), Arc::new(std::sync::atomic::AtomicBool::new(true)), false)
    }

    /// A desk for `newsdesk recluster`, after the store forgot every story: nothing to warm.
    #[must_use]
    pub fn rebuilding() -> Self {
        Self(Arc::default(), Arc::new(std::sync::atomic::AtomicBool::new(true)), true)
    }

    /// Replays the last [`WARM_UP_DAYS`] of stored articles (behind the newest one) and saves
    /// what articles without a story turn out to be. Returns how many articles were replayed;
    /// a desk warms up once, later calls do nothing.
    ///
    /// # Errors
    /// Database errors.
    pub async fn warm_up(&self, store: &Store) -> Result<usize, StoreError> {
        if self.1.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Ok(0);
        }
        let Some(newest) = store.newest_article_time().await? else { return Ok(0) };
        let since = newest - Duration::days(WARM_UP_DAYS);
        self.replay(store, Some(since), Replay::WarmUp, |_| {}).await
    }

    /// Places every stored article from `since` on, in time order, a page at a time, and saves
    /// what `replay` says to. `progress` hears how many articles are done after each page.
    ///
    /// # Errors
    /// Database errors; pages saved before stay saved.
    pub async fn replay(
        &self,
        store: &Store,
        since: Option<DateTime<Utc>>,
        replay: Replay,
        mut progress: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        let mut after = None;
        let mut done = 0;
        // The next page is read and analyzed while this one is placed and saved.
        let mut next = fetch_and_analyze(store.clone(), since, after).await?;
        while let Some(page) = next.take() {
            after = page.last().map(|a| (a.input.at, a.input.id));
            let more = page.len() == PAGE as usize;
            let prefetch = more.then(|| tokio::spawn(fetch_and_analyze(store.clone(), since, after)));
            done += page.len();
            self.place_and_save(store, page, replay).await?;
            progress(done);
            if let Some(task) = prefetch {
                next = task.await.map_err(|e| StoreError::Corrupt(format!("analysis failed: {e}")))??;
            }
        }
        Ok(done)
    }

    /// Understands these stored articles (new or changed) and saves the result.
    ///
    /// # Errors
    /// Database errors.
    pub async fn understand(&self, store: &Store, ids: &[ArticleId]) -> Result<usize, StoreError> {
        if ids.is_empty() || !self.2 {
            return Ok(0);
        }
        let inputs = store.understanding_inputs(ids).await?;
        let analyzed = tokio::task::spawn_blocking(move || analyze_stored(inputs, DESK_FIELDS))
            .await
            .map_err(|e| StoreError::Corrupt(format!("analysis failed: {e}")))?;
        let n = analyzed.len();
        self.place_and_save(store, analyzed, Replay::Live).await?;
        Ok(n)
    }

    /// Placement and its write happen under the lock, so that stories merge in the order
    /// they were decided.
    async fn place_and_save(&self, store: &Store, items: Vec<Analyzed>, replay: Replay) -> Result<(), StoreError> {
        let mut desk = self.0.clone().lock_owned().await;
        let (desk, understood) = tokio::task::spawn_blocking(move || {
            let understood = desk.place(items, replay);
            (desk, understood)
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("story placement failed: {e}")))?;
        let result = store.save_understanding(&understood).await;
        drop(desk);
        result
    }
}

async fn fetch_and_analyze(
    store: Store,
    since: Option<DateTime<Utc>>,
    after: Option<(DateTime<Utc>, ArticleId)>,
) -> Result<Option<Vec<Analyzed>>, StoreError> {
    let inputs = store.understanding_inputs_page(since, after, PAGE).await?;
    if inputs.is_empty() {
        return Ok(None);
    }
    let analyzed = tokio::task::spawn_blocking(move || analyze_parallel(inputs))
        .await
        .map_err(|e| StoreError::Corrupt(format!("analysis failed: {e}")))?;
    Ok(Some(analyzed))
}

/// [`analyze_stored`] over the machine's cores, results in input order.
fn analyze_parallel(inputs: Vec<UnderstandingInput>) -> Vec<Analyzed> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8);
    let chunk = inputs.len().div_ceil(threads).max(1);
    let mut parts: Vec<Vec<UnderstandingInput>> = Vec::new();
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        parts.push(inputs.by_ref().take(chunk).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            parts.into_iter().map(|part| scope.spawn(move || analyze_stored(part, DESK_FIELDS))).collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    tracing::error!("analysis failed on a batch of articles; they are left without a story");
                    Vec::new()
                })
            })
            .collect()
    })
}
