//! Polling many feeds with bounded concurrency, once (`newsdesk crawl`) or for as long as the
//! process runs (the scheduler inside `newsdesk serve` and `newsdesk worker`). Feeds are leased
//! while they are polled, so several processes share the work.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_fetch::Fetcher;
use newsdesk_model::Feed;
use newsdesk_model::metrics::METRICS;
use newsdesk_store::{Store, StoreError};
use tokio::task::JoinSet;

use crate::poll::PollConfig;
use crate::poll::{PollOutcome, PollResult, poll_feed};
use crate::story_desk::Desk;

/// What a crawl did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrawlSummary {
    pub feeds: usize,
    pub failed: usize,
    pub not_modified: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl CrawlSummary {
    fn add(&mut self, result: &PollResult) {
        self.feeds += 1;
        match &result.outcome {
            PollOutcome::Stored { created, updated, unchanged } => {
                self.created += created;
                self.updated += updated;
                self.unchanged += unchanged;
            }
            PollOutcome::NotModified => self.not_modified += 1,
            PollOutcome::Failed(_) => self.failed += 1,
        }
    }
}

/// Which feeds a crawl polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrawlScope {
    /// Those due now.
    Due,
    /// Every feed not paused and not polled since this time, due or not (`crawl --all`).
    NotPolledSince(DateTime<Utc>),
}

/// This process's name on the feeds it leases: host, process id and start time.
#[must_use]
pub fn lease_owner() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_default();
    let started = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!("{host}:{}:{started}", std::process::id())
}

/// Polls the feeds of `scope`, at most `concurrency` at a time, calling `on_done` as each
/// finishes, until no more can be taken. Each feed is leased to `owner` while it is polled
/// (`Store::claim_feeds`), so any number of processes can crawl the same database: a feed is
/// never polled by two at once, and a killed process's feeds are taken again when their
/// leases end.
///
/// # Errors
/// The first database error; feeds already polled keep what they stored.
#[allow(clippy::too_many_arguments)]
pub async fn crawl(
    store: &Store,
    fetcher: &Fetcher,
    desk: &Desk,
    owner: &str,
    scope: CrawlScope,
    concurrency: usize,
    config: PollConfig,
    on_done: &mut (dyn FnMut(&Feed, &PollResult) + Send),
) -> Result<CrawlSummary, StoreError> {
    let mut summary = CrawlSummary::default();
    let mut running: JoinSet<(Feed, Result<PollResult, StoreError>)> = JoinSet::new();
    let config = Arc::new(config);
    let polled_before = match scope {
        CrawlScope::Due => None,
        CrawlScope::NotPolledSince(t) => Some(t),
    };
    let mut exhausted = false;
    loop {
        let free = concurrency.max(1).saturating_sub(running.len());
        if free > 0 && !exhausted {
            let claimed = store
                .claim_feeds(owner, Utc::now(), config.lease, polled_before, u32::try_from(free).unwrap_or(u32::MAX))
                .await
                .inspect_err(|_| METRICS.database_errors.inc())?;
            exhausted = claimed.is_empty();
            for feed in claimed {
                let (store, fetcher, desk, config) = (store.clone(), fetcher.clone(), desk.clone(), config.clone());
                running.spawn(async move {
                    let result = poll_feed(&store, &fetcher, &desk, &feed, &config).await;
                    (feed, result)
                });
            }
        }
        let Some(joined) = running.join_next().await else { break };
        let (feed, result) = match joined {
            Ok(pair) => pair,
            Err(e) => {
                tracing::error!(error = %e, "a poll task failed");
                summary.feeds += 1;
                summary.failed += 1;
                continue;
            }
        };
        let result = result.inspect_err(|_| METRICS.database_errors.inc())?;
        summary.add(&result);
        on_done(&feed, &result);
    }
    Ok(summary)
}

/// Polls feeds as they fall due until `shutdown` completes.
pub async fn run_scheduler(
    store: Store,
    fetcher: Fetcher,
    desk: Desk,
    concurrency: usize,
    config: PollConfig,
    shutdown: impl Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let owner = lease_owner();
    // Understanding: take the lease when it is free, renew it, and place what other
    // processes stored (see `Desk`).
    let understanding = tokio::spawn({
        let (store, desk) = (store.clone(), desk.clone());
        async move {
            loop {
                match desk.lead(&store).await {
                    Ok(Some(replayed)) if replayed > 0 => {
                        tracing::info!(articles = replayed, "took the understanding lease; story state warmed up");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "cannot take or renew the understanding lease"),
                }
                loop {
                    match desk.understand_backlog(&store).await {
                        Ok(n) if n as u32 == crate::story_desk::PAGE => continue,
                        Ok(0) => {}
                        Ok(n) => tracing::info!(articles = n, "understood articles other processes stored"),
                        Err(e) => tracing::error!(error = %e, "cannot understand queued articles"),
                    }
                    break;
                }
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    });
    let stop_understanding = AbortOnDrop(understanding);
    loop {
        let mut ignore = |_: &Feed, _: &PollResult| {};
        tokio::select! {
            result = crawl(&store, &fetcher, &desk, &owner, CrawlScope::Due, concurrency, config.clone(), &mut ignore) => match result {
                Ok(s) if s.feeds > 0 => tracing::info!(feeds = s.feeds, new = s.created, updated = s.updated, failed = s.failed, "polled due feeds"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "polling stopped on a database error"),
            },
            () = &mut shutdown => break,
        }
        let wait = match store.next_due_at().await {
            Ok(Some(at)) => (at - chrono::Utc::now()).to_std().unwrap_or_default().min(Duration::from_secs(60)),
            _ => Duration::from_secs(60),
        };
        tokio::select! {
            () = tokio::time::sleep(wait.max(Duration::from_millis(200))) => {}
            () = &mut shutdown => break,
        }
    }
    drop(stop_understanding);
    if let Err(e) = desk.step_down(&store).await {
        tracing::warn!(error = %e, "cannot give the understanding lease up; it ends by itself");
    }
}

/// Aborts a task when dropped (when the scheduler returns, whichever way).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
