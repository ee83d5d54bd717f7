//! Understanding stored articles as they arrive, and saving what was understood.
//!
//! A [`Desk`] holds one [`Understanding`] for the process, and the map from its story
//! numbers to stored story ids. New and changed articles go through [`Desk::understand`]:
//! analysis on the blocking threads, placement in publication order under the desk's lock,
//! then one write. One process at a time understands (it holds the understanding lease, see
//! [`Desk`]); on taking the lease it replays the last days of stored articles, so that a
//! restarted newsdesk, or the process taking over, keeps joining the stories there are.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use newsdesk_model::{ArticleId, StoryId};
use newsdesk_store::{EntityRecord, Placed, Store, StoreError, UnderstandingInput, Understood};
use newsdesk_stories::SummaryConfig;

use crate::story_presentation::READERS_LANGUAGE;
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
            // (An article without a language, an import that gave none, gets the one read in it.)
            let fields = Fields { summary: input.needs_summary, language: input.language.is_none(), ..fields };
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
        language: input.language.as_deref(),
        day_only: false,
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
            self.understanding.name_short_forms(&mut analysis.entities, &input.body_text, Some(input.at));
            let entities = analysis
                .entities
                .iter()
                .map(|e| EntityRecord {
                    kind: e.kind.as_str().to_owned(),
                    key: e.key.clone(),
                    name: e.name.clone(),
                    also: e.also.clone(),
                    mentions: e.mentions,
                })
                .collect();
            let keyphrases = std::mem::take(&mut analysis.keyphrases);
            let summary = (!analysis.summary.is_empty()).then(|| cut_chars(&analysis.summary.join(" ")));
            // (Taken out: placement reads the article as it always has.)
            let language = analysis.language.take().map(str::to_owned);
            if replay == Replay::Live && input.story.is_some() {
                out.push(Understood { article: input.id, placed: None, entities, keyphrases, summary, language });
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
                language,
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

/// The process lease that makes one process at a time the one that understands.
pub const UNDERSTANDING_LEASE: &str = "understanding";
/// How long the understanding lease lasts unless renewed, by default: how long another
/// process waits to take over from one that died (`crawl.understanding_lease_seconds`). The
/// holder renews it every sixth of that.
pub const UNDERSTANDING_LEASE_TIME: std::time::Duration = std::time::Duration::from_secs(60);

/// A process's [`StoryDesk`], shared by every task that stores articles.
///
/// Understanding keeps its state in the process, so several processes on one database
/// (workers, web nodes, a one-off crawl or import) must not all place articles: each would
/// start stories the others do not know. A desk therefore understands only while it holds
/// the store's [`UNDERSTANDING_LEASE`] ([`Desk::lead`]). The holder places its own new
/// articles at once and everyone else's from the queue of unplaced articles
/// ([`Desk::understand_backlog`]); the others store articles and leave them to it. When the
/// holder stops renewing (it died), another process takes the lease, replays the last days
/// of stored articles, and goes on from there.
#[derive(Debug, Clone)]
pub struct Desk {
    state: Arc<tokio::sync::Mutex<StoryDesk>>,
    enabled: bool,
    leader: Arc<Leader>,
    /// The language of the site's readers: stories told in several languages are presented in
    /// it where they can be ([`READERS_LANGUAGE`] unless [`Desk::for_readers`] says otherwise).
    readers: Arc<str>,
}

#[derive(Debug)]
struct Leader {
    /// This process, as the lease names it; `None` for a desk that needs no lease
    /// (`recluster`, which works alone on stories it just forgot).
    owner: Option<String>,
    /// How long a claim lasts.
    lease: std::time::Duration,
    /// True while this desk holds the lease and its state is warm.
    leading: std::sync::atomic::AtomicBool,
    /// When the lease was last taken or renewed.
    renewed: std::sync::Mutex<Option<std::time::Instant>>,
    /// Queued articles placement did not place, so that they are not tried forever.
    tried: std::sync::Mutex<std::collections::HashSet<ArticleId>>,
}

impl Default for Desk {
    fn default() -> Self {
        Self::new()
    }
}

impl Desk {
    fn make(enabled: bool, owner: Option<String>, leading: bool, lease: std::time::Duration) -> Self {
        Self {
            state: Arc::default(),
            readers: Arc::from(READERS_LANGUAGE),
            enabled,
            leader: Arc::new(Leader {
                owner,
                lease,
                leading: std::sync::atomic::AtomicBool::new(leading),
                renewed: std::sync::Mutex::new(None),
                tried: std::sync::Mutex::default(),
            }),
        }
    }

    /// A desk for this process: it understands while it holds the understanding lease;
    /// [`Desk::lead`] (or [`Desk::warm_up`]) before storing articles.
    #[must_use]
    pub fn new() -> Self {
        Self::with_owner(crate::lease_owner())
    }

    /// [`Desk::new`] under a given lease owner name (tests run several "processes" in one).
    #[must_use]
    pub fn with_owner(owner: String) -> Self {
        Self::make(true, Some(owner), false, UNDERSTANDING_LEASE_TIME)
    }

    /// [`Desk::new`] with leases of `lease` rather than [`UNDERSTANDING_LEASE_TIME`].
    #[must_use]
    pub fn with_lease(lease: std::time::Duration) -> Self {
        Self::make(true, Some(crate::lease_owner()), false, lease.max(std::time::Duration::from_secs(1)))
    }

    /// This desk, presenting stories told in several languages in language `readers` (an
    /// ISO 639 code, `site.language`) where they can be.
    #[must_use]
    pub fn for_readers(mut self, readers: &str) -> Self {
        self.readers = Arc::from(readers);
        self
    }

    /// A desk that understands nothing (`crawl.understand = false`): articles are stored
    /// without stories, copies or entities until `newsdesk recluster` (or a process that
    /// understands takes them from the queue).
    #[must_use]
    pub fn off() -> Self {
        Self::make(false, None, false, UNDERSTANDING_LEASE_TIME)
    }

    /// A desk for `newsdesk recluster`, after the store forgot every story: nothing to warm,
    /// no lease.
    #[must_use]
    pub fn rebuilding() -> Self {
        Self::make(true, None, true, UNDERSTANDING_LEASE_TIME)
    }

    /// True while this desk places articles.
    #[must_use]
    pub fn leading(&self) -> bool {
        self.enabled && self.leader.leading.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Takes or renews the understanding lease. On taking it, the desk starts afresh and
    /// replays the last [`WARM_UP_DAYS`] of stored articles (behind the newest one), saving
    /// what articles without a story turn out to be. Returns how many articles were
    /// replayed, or `None` when another process holds the lease (or the desk is off).
    ///
    /// # Errors
    /// Database errors; then the desk does not lead.
    pub async fn lead(&self, store: &Store) -> Result<Option<usize>, StoreError> {
        if !self.enabled {
            return Ok(None);
        }
        let Some(owner) = &self.leader.owner else { return Ok(Some(0)) };
        let held = store.claim_process_lease(UNDERSTANDING_LEASE, owner, Utc::now(), self.leader.lease).await;
        let was = self.leading();
        let held = match held {
            Ok(held) => held,
            Err(e) => {
                self.leader.leading.store(false, std::sync::atomic::Ordering::SeqCst);
                return Err(e);
            }
        };
        if !held {
            if was {
                tracing::warn!("another process took the understanding lease; this one stops placing articles");
            }
            self.leader.leading.store(false, std::sync::atomic::Ordering::SeqCst);
            return Ok(None);
        }
        if let Ok(mut renewed) = self.leader.renewed.lock() {
            *renewed = Some(std::time::Instant::now());
        }
        if was {
            return Ok(Some(0));
        }
        // Newly leading: whatever this desk knew may be stale.
        *self.state.lock().await = StoryDesk::default();
        let replayed = match store.newest_article_time().await? {
            Some(newest) => {
                self.replay(store, Some(newest - Duration::days(WARM_UP_DAYS)), Replay::WarmUp, |_| {}).await?
            }
            None => 0,
        };
        self.leader.leading.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(Some(replayed))
    }

    /// [`Desk::lead`], for callers that only want the number replayed (0 when following).
    ///
    /// # Errors
    /// Database errors.
    pub async fn warm_up(&self, store: &Store) -> Result<usize, StoreError> {
        Ok(self.lead(store).await?.unwrap_or(0))
    }

    /// Gives the understanding lease up (on shutdown), so that another process takes over at
    /// once rather than when the lease ends.
    ///
    /// # Errors
    /// Database errors.
    pub async fn step_down(&self, store: &Store) -> Result<(), StoreError> {
        if let Some(owner) = &self.leader.owner
            && self.leading()
        {
            self.leader.leading.store(false, std::sync::atomic::Ordering::SeqCst);
            store.release_process_lease(UNDERSTANDING_LEASE, owner).await?;
        }
        Ok(())
    }

    /// Renews the lease when it is due, while leading; false when it was lost.
    async fn still_leading(&self, store: &Store) -> Result<bool, StoreError> {
        if !self.leading() {
            return Ok(false);
        }
        if self.leader.owner.is_none() {
            return Ok(true);
        }
        let due = self.leader.renewed.lock().map_or(true, |r| r.is_none_or(|t| t.elapsed() >= self.leader.lease / 6));
        if due {
            return Ok(self.lead(store).await?.is_some());
        }
        Ok(true)
    }

    /// Replays every stored article from `since` on, in time order, a page at a time, and saves
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

    /// Understands these stored articles (new or changed) and saves the result, while this
    /// desk leads; otherwise they wait in the queue for the process that does.
    ///
    /// # Errors
    /// Database errors.
    pub async fn understand(&self, store: &Store, ids: &[ArticleId]) -> Result<usize, StoreError> {
        Ok(self.understand_placing(store, ids).await?.0)
    }

    /// [`Desk::understand`]: how many were understood, and the ids placed in a story.
    async fn understand_placing(
        &self,
        store: &Store,
        ids: &[ArticleId],
    ) -> Result<(usize, Vec<ArticleId>), StoreError> {
        if ids.is_empty() || !self.enabled || !self.still_leading(store).await? {
            return Ok((0, Vec::new()));
        }
        let inputs = store.understanding_inputs(ids).await?;
        let analyzed = tokio::task::spawn_blocking(move || analyze_stored(inputs, DESK_FIELDS))
            .await
            .map_err(|e| StoreError::Corrupt(format!("analysis failed: {e}")))?;
        let n = analyzed.len();
        let placed = self.place_and_save(store, analyzed, Replay::Live).await?;
        Ok((n, placed))
    }

    /// While leading, places up to [`PAGE`] queued articles (stored by any process and not
    /// placed yet), oldest first. Returns how many were understood.
    ///
    /// # Errors
    /// Database errors.
    pub async fn understand_backlog(&self, store: &Store) -> Result<usize, StoreError> {
        if !self.enabled || !self.still_leading(store).await? {
            return Ok(0);
        }
        let tried = self.leader.tried.lock().map(|t| t.clone()).unwrap_or_default();
        let ids = store.unplaced_articles(&tried, PAGE).await?;
        let (n, placed) = self.understand_placing(store, &ids).await?;
        // Only what placement left out is remembered: placed articles leave the queue.
        if placed.len() < ids.len()
            && let Ok(mut tried) = self.leader.tried.lock()
        {
            if tried.len() > 100_000 {
                tried.clear();
            }
            tried.extend(ids.into_iter().filter(|id| !placed.contains(id)));
        }
        Ok(n)
    }

    /// Placement and its write happen under the lock, so that stories merge in the order
    /// they were decided.
    /// Returns the ids placed in a story.
    async fn place_and_save(
        &self,
        store: &Store,
        items: Vec<Analyzed>,
        replay: Replay,
    ) -> Result<Vec<ArticleId>, StoreError> {
        let mut desk = self.state.clone().lock_owned().await;
        let (desk, understood) = tokio::task::spawn_blocking(move || {
            let understood = desk.place(items, replay);
            (desk, understood)
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("story placement failed: {e}")))?;
        let result = store.save_understanding(&understood).await;
        drop(desk);
        result?;
        let stories: Vec<StoryId> = understood.iter().filter_map(|u| u.placed.as_ref().map(|p| p.story)).collect();
        crate::story_presentation::present(store, &stories, &self.readers).await?;
        Ok(understood.iter().filter(|u| u.placed.is_some()).map(|u| u.article).collect())
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
