//! `newsdesk crawl`: poll due feeds once, with a progress bar on a terminal.

use std::time::Instant;

use newsdesk_fetch::Fetcher;
use newsdesk_pipeline::{CrawlScope, Desk, PollConfig, PollOutcome, crawl};
use newsdesk_store::Store;

/// Failed feeds named after the summary line.
const MAX_FAILURES_SHOWN: usize = 10;

/// Polls due (or, with `all`, all unpaused) feeds; returns the summary line and whether any
/// feed failed.
///
/// # Errors
/// Database errors.
pub async fn run(
    store: &Store,
    fetcher: &Fetcher,
    all: bool,
    concurrency: usize,
    config: PollConfig,
    desk: Desk,
) -> anyhow::Result<(String, bool)> {
    let started = Instant::now();
    let run_start = chrono::Utc::now();
    let feeds = store.due_feeds(run_start, all, u32::MAX).await?;
    if feeds.is_empty() {
        let next = store.next_due_at().await?.map_or_else(
            || "no feeds are followed".to_owned(),
            |t| format!("the next is due at {}", t.format("%Y-%m-%d %H:%M UTC")),
        );
        return Ok((format!("No feed is due ({next}). Use --all to poll every feed now."), false));
    }
    // Stories and copies continue from the articles of the last days.
    desk.warm_up(store).await?;
    let bar = super::progress::bar(feeds.len() as u64, "{bar:30} {pos}/{len} feeds  {msg}");
    let mut entries = 0usize;
    let scope = if all { CrawlScope::NotPolledSince(run_start) } else { CrawlScope::Due };
    let owner = newsdesk_pipeline::lease_owner();
    let mut failures: Vec<String> = Vec::new();
    let summary = crawl(store, fetcher, &desk, &owner, scope, concurrency, config, &mut |feed, result| {
        match &result.outcome {
            PollOutcome::Stored { created, .. } => entries += created,
            PollOutcome::Failed(why) => failures.push(format!("{}: {why}", feed.url)),
            PollOutcome::NotModified => {}
        }
        bar.set_message(format!("{entries} new entries"));
        bar.inc(1);
    })
    .await;
    bar.finish_and_clear();
    // Another process may take over understanding at once.
    desk.step_down(store).await?;
    let summary = summary?;
    let secs = started.elapsed().as_secs_f64();
    let mut line = format!(
        "Polled {} feed{} in {secs:.1} s: {} new, {} updated, {} unchanged entries; {} not modified, {} failed.",
        summary.feeds,
        if summary.feeds == 1 { "" } else { "s" },
        summary.created,
        summary.updated,
        summary.unchanged,
        summary.not_modified,
        summary.failed
    );
    // Which failed, and why: the first few (`feeds list` has them all).
    failures.sort();
    for failure in failures.iter().take(MAX_FAILURES_SHOWN) {
        line.push_str("\n  failed: ");
        line.push_str(failure);
    }
    if failures.len() > MAX_FAILURES_SHOWN {
        line.push_str(&format!("\n  and {} more (newsdesk feeds list)", failures.len() - MAX_FAILURES_SHOWN));
    }
    Ok((line, summary.failed > 0))
}
