//! Polling many feeds with bounded concurrency, once (`newsdesk crawl`) or for as long as the
//! server runs (the scheduler inside `newsdesk serve`).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

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

/// Polls `feeds`, at most `concurrency` at a time, calling `on_done` as each finishes.
///
/// # Errors
/// The first database error; feeds already polled keep what they stored.
pub async fn crawl(
    store: &Store,
    fetcher: &Fetcher,
    desk: &Desk,
    feeds: Vec<Feed>,
    concurrency: usize,
    config: PollConfig,
    on_done: &mut (dyn FnMut(&Feed, &PollResult) + Send),
) -> Result<CrawlSummary, StoreError> {
    let mut summary = CrawlSummary::default();
    let mut pending = feeds.into_iter();
    let mut running: JoinSet<(Feed, Result<PollResult, StoreError>)> = JoinSet::new();
    let config = Arc::new(config);
    loop {
        while running.len() < concurrency.max(1) {
            let Some(feed) = pending.next() else { break };
            let (store, fetcher, desk, config) = (store.clone(), fetcher.clone(), desk.clone(), config.clone());
            running.spawn(async move {
                let result = poll_feed(&store, &fetcher, &desk, &feed, &config).await;
                (feed, result)
            });
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
    loop {
        let due = match store.due_feeds(chrono::Utc::now(), false, 256).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(error = %e, "cannot read due feeds");
                Vec::new()
            }
        };
        if !due.is_empty() {
            let n = due.len();
            let mut ignore = |_: &Feed, _: &PollResult| {};
            tokio::select! {
                result = crawl(&store, &fetcher, &desk, due, concurrency, config.clone(), &mut ignore) => match result {
                    Ok(s) => tracing::info!(feeds = n, new = s.created, updated = s.updated, failed = s.failed, "polled due feeds"),
                    Err(e) => tracing::error!(error = %e, "polling stopped on a database error"),
                },
                () = &mut shutdown => return,
            }
            continue;
        }
        let wait = match store.next_due_at().await {
            Ok(Some(at)) => (at - chrono::Utc::now()).to_std().unwrap_or_default().min(Duration::from_secs(60)),
            _ => Duration::from_secs(60),
        };
        tokio::select! {
            () = tokio::time::sleep(wait.max(Duration::from_millis(200))) => {}
            () = &mut shutdown => return,
        }
    }
}
