//! `newsdesk worker`: polls feeds as they fall due, without the web site, until Ctrl-C or
//! SIGTERM. Any number of workers (and `serve` nodes) can share one database: each feed is
//! leased to the process polling it.

use newsdesk_pipeline::Desk;
use newsdesk_store::Store;

use super::serve::{shutdown_signal, stopped};
use crate::config::Config;

/// Runs the feed scheduler until a signal; `announce` gets the line that says it started.
///
/// # Errors
/// The fetcher cannot be built (a bad setting).
pub async fn run(config: &Config, store: Store, desk: Desk, announce: &mut dyn FnMut(&str)) -> anyhow::Result<()> {
    let fetcher = newsdesk_fetch::Fetcher::new(config.fetch_config())?;
    let concurrency = usize::try_from(config.crawl.concurrency).unwrap_or(16);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    match desk.warm_up(&store).await {
        Ok(n) => tracing::info!(articles = n, "story state warmed up"),
        Err(e) => tracing::error!(error = %e, "cannot replay recent articles; new stories start afresh"),
    }
    announce(&format!(
        "newsdesk worker {} is polling feeds (database: {})",
        newsdesk_pipeline::lease_owner(),
        config.database_display()
    ));
    newsdesk_pipeline::run_scheduler(store.clone(), fetcher, desk, concurrency, config.poll_config(), stopped(stop_rx))
        .await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}
