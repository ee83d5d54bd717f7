//! Polling one feed: fetch, parse, store, schedule.

use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_feeds::{ParsedFeed, parse_feed};
use newsdesk_fetch::{FetchRequest, Fetcher};
use newsdesk_model::{Feed, FeedStatus};
use newsdesk_store::{PollRecord, Store, StoreError};

use crate::entries::to_incoming;
use crate::schedule::{Hints, Learned, ScheduleConfig, next_poll};
use crate::story_desk::Desk;

/// What the Accept header asks for.
const ACCEPT_FEEDS: &str = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

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
    schedule: &ScheduleConfig,
) -> Result<PollResult, StoreError> {
    let request = FetchRequest {
        url: &feed.url,
        etag: feed.etag.as_deref(),
        last_modified: feed.last_modified.as_deref(),
        accept: ACCEPT_FEEDS,
    };
    let fetched = fetcher.fetch(request).await;
    let now = Utc::now();
    let previous = Duration::from_secs(u64::from(feed.poll_interval_secs));
    let response = match fetched {
        Ok(r) => r,
        Err(e) => {
            let learned = Learned::Failed { errors: feed.error_count + 1, retry_after: e.retry_after() };
            return fail(store, feed, now, e.to_string(), &learned, schedule).await;
        }
    };
    if response.not_modified {
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
    let (body, content_type, url) = (response.body, response.content_type.clone(), response.url.clone());
    // Parsing and mapping entries (summaries, language) are CPU work: off the async threads.
    let parsed = tokio::task::spawn_blocking(move || {
        parse_feed(&body, content_type.as_deref(), &url).map(|parsed| {
            let incoming: Vec<_> = parsed.entries.iter().map(|e| to_incoming(e, &parsed)).collect();
            (parsed, incoming)
        })
    })
    .await;
    let (parsed, incoming): (ParsedFeed, _) = match parsed {
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
    let report = store.ingest_entries(feed, incoming).await?;
    let times: Vec<DateTime<Utc>> = parsed.entries.iter().filter_map(|e| e.published.or(e.updated)).collect();
    let hints = Hints { ttl_minutes: parsed.ttl_minutes, max_age: response.max_age, skip_hours: &parsed.skip_hours };
    let (next, interval) = next_poll(now, &Learned::Entries(&times), &hints, schedule);
    let mut notes: Vec<String> = parsed.problems.clone();
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
    // The articles are stored whatever happens here; `newsdesk recluster` can redo it.
    if let Err(e) = desk.understand(store, &report.changed).await {
        tracing::error!(feed = %feed.url, error = %e, "stories and entities of new articles not saved");
    }
    Ok(PollResult {
        outcome: PollOutcome::Stored { created: report.created, updated: report.updated, unchanged: report.unchanged },
        next_poll_at: next,
    })
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
