//! `newsdesk serve`: the web site, and the feed scheduler beside it, until Ctrl-C or SIGTERM.

use anyhow::Context;
use newsdesk_pipeline::Desk;
use newsdesk_store::Store;
use newsdesk_web::SiteSettings;
use tokio::net::TcpListener;

use crate::config::Config;

/// Serves the site. `announce` gets the line that says where.
///
/// # Errors
/// An address that cannot be listened on, or a broken embedded template.
pub async fn run(
    config: &Config,
    store: Store,
    desk: Desk,
    crawl: bool,
    announce: &mut dyn FnMut(&str),
) -> anyhow::Result<()> {
    let addr = config.listen_addr()?;
    let listener = TcpListener::bind(addr).await.with_context(|| {
        format!("cannot listen on {addr}: is another program using it? Choose another with --listen or NEWSDESK_SERVER_LISTEN")
    })?;
    let local = listener.local_addr()?;
    // With port 0 the real port is known only now; links in feeds must use it.
    let mut bound = config.clone();
    bound.server.listen = local.to_string();
    let mut site = SiteSettings::new(config.site.title.clone(), bound.base_url()?, config.site.page_size);
    site.trusted_proxies = config.trusted_proxies()?;
    if config.web.prefix_searches_at_once > 0 {
        site.prefix_searches_at_once = config.web.prefix_searches_at_once as usize;
    }
    let images: std::sync::Arc<dyn newsdesk_web::ImageFetcher> =
        std::sync::Arc::new(super::image_fetcher::ProxyFetcher::new(config.fetch_config())?);
    let router =
        newsdesk_web::router_with_images(store.clone(), site, Some(images)).map_err(|e| anyhow::anyhow!("{e}"))?;
    announce(&format!("newsdesk is serving http://{local}/ (database: {})", config.database_display()));
    // One signal stops both the site and the feed scheduler.
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    let scheduler = if crawl {
        let fetcher = newsdesk_fetch::Fetcher::new(config.fetch_config())?;
        let concurrency = usize::try_from(config.crawl.concurrency).unwrap_or(16);
        let (store, poll, stop) = (store.clone(), config.poll_config(), stopped(stop_rx.clone()));
        Some(tokio::spawn(async move {
            // Stories and copies continue from the articles of the last days.
            match desk.warm_up(&store).await {
                Ok(n) => tracing::info!(articles = n, "story state warmed up"),
                Err(e) => tracing::error!(error = %e, "cannot replay recent articles; new stories start afresh"),
            }
            newsdesk_pipeline::run_scheduler(store, fetcher, desk, concurrency, poll, stop).await;
        }))
    } else {
        None
    };
    newsdesk_web::serve(listener, router, stopped(stop_rx)).await?;
    if let Some(task) = scheduler {
        let _ = task.await;
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

pub(super) async fn stopped(mut rx: tokio::sync::watch::Receiver<bool>) {
    while !*rx.borrow_and_update() {
        if rx.changed().await.is_err() {
            return;
        }
    }
}

pub(super) async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing requests under way");
}
