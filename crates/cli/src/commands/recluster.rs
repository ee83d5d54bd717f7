//! `newsdesk recluster`: forget every story, copy link and entity, and rebuild them from the
//! stored articles in publication order, with a progress bar on a terminal.

use std::time::Instant;

use newsdesk_pipeline::{Desk, Replay};
use newsdesk_store::Store;

/// Rebuilds; returns the summary line.
///
/// # Errors
/// Database errors. Pages rebuilt before stay; run it again to finish.
pub async fn run(store: &Store, readers: &str) -> anyhow::Result<String> {
    let started = Instant::now();
    let total = store.count_articles().await?;
    let bar = super::progress::bar(total, "{bar:30} {pos}/{len} articles  {per_sec}  eta {eta}");
    store.clear_understanding().await?;
    let desk = Desk::rebuilding().for_readers(readers);
    let done = desk.replay(store, None, Replay::Live, |n| bar.set_position(n as u64)).await?;
    bar.finish_and_clear();
    let stories = store.top_stories(0, 0).await?.total;
    let secs = started.elapsed().as_secs_f64();
    Ok(format!(
        "Reclustered {done} article{} into {stories} stor{} in {secs:.1} s.",
        if done == 1 { "" } else { "s" },
        if stories == 1 { "y" } else { "ies" }
    ))
}
