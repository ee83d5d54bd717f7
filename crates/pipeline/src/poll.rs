//! Polling one feed: fetch, parse, store, schedule.

use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_feeds::{ParsedFeed, parse_feed};
use newsdesk_fetch::{FetchRequest, Fetcher};
use newsdesk_model::metrics::METRICS;
use newsdesk_model::{Feed, FeedStatus, FullText};
use newsdesk_store::{IncomingEntry, PollRecord, Store, StoreError};

use crate::entries::{drop_shared_dates, to_incoming};
use crate::full_text::{self, FullTextConfig};
use crate::schedule::{Hints, Learned, ScheduleConfig, next_poll};
use crate::story_desk::Desk;

/// What the Accept header asks for.
const ACCEPT_FEEDS: &str = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

/// How feeds are polled: when, whether article pages are fetched for full text, and how long
/// a feed is leased to the process polling it.
#[derive(Debug, Clone)]
pub struct PollConfig {
    pub schedule: ScheduleConfig,
    pub full_text: FullTextConfig,
    /// How long a feed stays leased to the process polling it: longer than a poll can take.
    /// A killed process's feeds are polled again after this.
    pub lease: std::time::Duration,
}

impl Default for PollConfig {
    fn default() -> Self {
        Self {
            schedule: ScheduleConfig::default(),
            full_text: FullTextConfig::default(),
            lease: std::time::Duration::from_secs(600),
        }
    }
}

impl PollConfig {
    /// The feeds' own content only: no article page is fetched.
    #[must_use]
    pub fn feeds_only() -> Self {
        Self { full_text: FullTextConfig::off(), ..Self::default() }
    }
}

/// How a poll went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// Read and stored.
    Stored { created: usize, updated: usize, unchanged: usize },
    /// The server said nothing changed.
    NotModified,
    /// The poll failed; the message is what the feed's status shows.
    Failed(String),
}

/// One feed's poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollResult {
    pub outcome: PollOutcome,
    pub next_poll_at: DateTime<Utc>,
}

/// Polls `feed` once, records the result, and understands the new and changed articles
/// (stories, copies, entities) on `desk`.
///
/// # Errors
/// Only database errors: every problem with the feed itself is recorded as its status.
pub async fn poll_feed(
    store: &Store,
    fetcher: &Fetcher,
    desk: &Desk,
    feed: &Feed,
    config: &PollConfig,
) -> Result<PollResult, StoreError> {
    let schedule = &config.schedule;
    let request = FetchRequest {
        url: &feed.url,
        etag: feed.etag.as_deref(),
        last_modified: feed.last_modified.as_deref(),
        accept: ACCEPT_FEEDS,
    };
    let started = std::time::Instant::now();
    let fetched = fetcher.fetch(request).await;
    let now = Utc::now();
    let previous = Duration::from_secs(u64::from(feed.poll_interval_secs));
    let response = match fetched {
        Ok(r) => r,
        Err(e) => {
            METRICS.feed_fetches.error.inc();
            let learned = Learned::Failed { errors: feed.error_count + 1, retry_after: e.retry_after() };
            return fail(store, feed, now, e.to_string(), &learned, schedule).await;
        }
    };
    if response.not_modified {
        METRICS.feed_fetches.not_modified.inc();
        let (next, interval) = next_poll(
            now,
            &Learned::Unchanged { previous },
            &Hints { max_age: response.max_age, ..Hints::default() },
            schedule,
        );
        let record = PollRecord {
            status: FeedStatus::NotModified,
            error: None,
            etag: response.etag,
            last_modified: response.last_modified,
            moved_to: response.permanent_redirect,
            title: None,
            site_url: None,
            polled_at: now,
            next_poll_at: next,
            interval_secs: secs(interval),
        };
        store.record_poll(feed.id, record).await?;
        return Ok(PollResult { outcome: PollOutcome::NotModified, next_poll_at: next });
    }
    METRICS.feed_fetches.ok.inc();
    // Relative links resolve against the body's own address (Content-Location), else the one
    // fetched.
    let base = response.content_location.clone().unwrap_or_else(|| response.url.clone());
    let (body, content_type, url) = (response.body, response.content_type.clone(), base);
    // Parsing and mapping entries (summaries, language) are CPU work: off the async threads.
    let parsed = tokio::task::spawn_blocking(move || {
        parse_feed(&body, content_type.as_deref(), &url).map(|mut parsed| {
            drop_shared_dates(&mut parsed);
            let incoming: Vec<_> = parsed.entries.iter().map(|e| to_incoming(e, &parsed)).collect();
            (parsed, incoming)
        })
    })
    .await;
    let (mut parsed, mut incoming): (ParsedFeed, Vec<IncomingEntry>) = match parsed {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => {
            let learned = Learned::Failed { errors: feed.error_count + 1, retry_after: None };
            return fail(store, feed, now, format!("the feed cannot be read: {e}"), &learned, schedule).await;
        }
        Err(join) => {
            let learned = Learned::Failed { errors: feed.error_count + 1, retry_after: None };
            return fail(store, feed, now, format!("the parser failed on this feed: {join}"), &learned, schedule).await;
        }
    };
    let mut notes: Vec<String> = parsed.problems.clone();
    if config.full_text.enabled && feed.full_text != FullText::Never {
        notes.extend(full_texts(store, fetcher, feed, &mut parsed, &mut incoming, &config.full_text).await?);
    }
    let report = store.ingest_entries(feed, incoming).await?;
    METRICS.entries_created.add(report.created as u64);
    METRICS.entries_updated.add(report.updated as u64);
    METRICS.entries_unchanged.add(report.unchanged as u64);
    let times: Vec<DateTime<Utc>> = parsed.entries.iter().filter_map(|e| e.published.or(e.updated)).collect();
    let hints = Hints { ttl_minutes: parsed.ttl_minutes, max_age: response.max_age, skip_hours: &parsed.skip_hours };
    let (next, interval) = next_poll(now, &Learned::Entries(&times), &hints, schedule);
    notes.extend(report.invalid.iter().map(|i| format!("entry not stored: {i}")));
    let record = PollRecord {
        status: FeedStatus::Ok,
        // Problems that did not stop the feed are kept as a note beside an "ok" status.
        error: (!notes.is_empty()).then(|| notes.join("; ").chars().take(1000).collect()),
        etag: response.etag,
        last_modified: response.last_modified,
        moved_to: response.permanent_redirect,
        title: parsed.title.clone(),
        site_url: parsed.site_url.clone(),
        polled_at: now,
        next_poll_at: next,
        interval_secs: secs(interval),
    };
    store.record_poll(feed.id, record).await?;
    METRICS.poll_seconds.observe(started.elapsed());
    // The articles are stored whatever happens here; `newsdesk recluster` can redo it.
    if let Err(e) = desk.understand(store, &report.changed).await {
        tracing::error!(feed = %feed.url, error = %e, "stories and entities of new articles not saved");
    }
    Ok(PollResult {
        outcome: PollOutcome::Stored { created: report.created, updated: report.updated, unchanged: report.unchanged },
        next_poll_at: next,
    })
}

/// Fetches the article pages of the new and changed entries that want them, and rebuilds
/// those entries from their pages. An entry keeps its content hash (the feed's), so the next
/// poll of an unchanged entry fetches nothing. Returns notes for the poll's record.
async fn full_texts(
    store: &Store,
    fetcher: &Fetcher,
    feed: &Feed,
    parsed: &mut ParsedFeed,
    incoming: &mut [IncomingEntry],
    config: &FullTextConfig,
) -> Result<Vec<String>, StoreError> {
    let candidates: Vec<usize> =
        (0..parsed.entries.len()).filter(|&i| full_text::wants_page(feed.full_text, &parsed.entries[i])).collect();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<&str> = candidates.iter().map(|&i| incoming[i].key.as_str()).collect();
    let known = store.entry_hashes(feed.id, &keys).await?;
    let wanted: Vec<usize> =
        candidates.into_iter().filter(|&i| known.get(&incoming[i].key) != Some(&incoming[i].content_hash)).collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let full_text::Filled { adopted, notes, site_name } =
        full_text::fill(fetcher, &mut parsed.entries, &wanted, config).await;
    if let Some((page, name)) = site_name {
        // The outlet is named after its site once one of its pages says its name.
        store.name_source_from_site(feed.source_id, &page, &name).await?;
    }
    for i in adopted {
        let hash = std::mem::take(&mut incoming[i].content_hash);
        incoming[i] = IncomingEntry { content_hash: hash, ..to_incoming(&parsed.entries[i], parsed) };
    }
    Ok(notes)
}

async fn fail(
    store: &Store,
    feed: &Feed,
    now: DateTime<Utc>,
    message: String,
    learned: &Learned<'_>,
    schedule: &ScheduleConfig,
) -> Result<PollResult, StoreError> {
    let (next, _) = next_poll(now, learned, &Hints::default(), schedule);
    tracing::warn!(feed = %feed.url, error = %message, "poll failed");
    let record = PollRecord {
        status: FeedStatus::Error,
        error: Some(message.clone()),
        etag: None,
        last_modified: None,
        moved_to: None,
        title: None,
        site_url: None,
        polled_at: now,
        next_poll_at: next,
        interval_secs: None,
    };
    store.record_poll(feed.id, record).await?;
    Ok(PollResult { outcome: PollOutcome::Failed(message), next_poll_at: next })
}

fn secs(d: Duration) -> Option<u32> {
    u32::try_from(d.as_secs()).ok()
}
