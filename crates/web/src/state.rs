use std::sync::Arc;

use axum::response::{Html, IntoResponse, Response};
use newsdesk_store::Store;
use serde::Serialize;
use url::Url;

use crate::WebError;
use crate::templates::Templates;

/// What the site needs to know about itself.
#[derive(Debug, Clone, Serialize)]
pub struct SiteSettings {
    /// The site's name, shown in every page's header and in feeds.
    pub title: String,
    /// The public address of the site, for absolute links in feeds. Never taken from request
    /// headers, which the client controls.
    pub base_url: Url,
    /// Articles per page of a list.
    pub page_size: u32,
    /// Least time between serving a comment form and accepting it: people take longer than
    /// bots.
    pub comment_min_seconds: u64,
    /// Comments accepted from one address in ten minutes.
    pub comments_per_ten_minutes: u32,
    /// Reverse proxies whose `Forwarded` or `X-Forwarded-For` headers name the reader
    /// (`web.trusted_proxies`); every other peer is the reader itself.
    #[serde(skip)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Searches for the start of a word (`harb*`) run at once; more wait their turn (see
    /// [`crate::search_gate`]).
    #[serde(skip)]
    pub prefix_searches_at_once: usize,
    /// How long such a search waits for its turn before the reader is told the site is busy.
    #[serde(skip)]
    pub prefix_search_wait: std::time::Duration,
}

impl SiteSettings {
    /// Settings with the defaults for everything but the title, address and page size.
    #[must_use]
    pub fn new(title: String, base_url: Url, page_size: u32) -> Self {
        Self {
            title,
            base_url,
            page_size,
            comment_min_seconds: 3,
            comments_per_ten_minutes: 5,
            trusted_proxies: Vec::new(),
            prefix_searches_at_once: crate::search_gate::default_prefix_searches_at_once(),
            prefix_search_wait: std::time::Duration::from_secs(5),
        }
    }

    /// True when the site is served over TLS: cookies are then `Secure`.
    #[must_use]
    pub fn secure(&self) -> bool {
        self.base_url.scheme() == "https"
    }
}

#[derive(Clone)]
pub(crate) struct AppState(Arc<Inner>);

pub(crate) struct Inner {
    pub store: Store,
    pub site: SiteSettings,
    pub templates: Templates,
    /// The key for form tokens and address hashes, shared through the database.
    secret: tokio::sync::OnceCell<Vec<u8>>,
    /// Rendered article pages, kept for a moment.
    pub pages: crate::page_cache::PageCache<newsdesk_model::ArticleId, crate::pages::article::CachedPage>,
    /// Rendered front pages by their number, kept for a moment: the same for every reader.
    pub fronts: crate::page_cache::PageCache<u64>,
    /// Rendered story pages, kept for a moment: the same for every reader.
    pub story_pages: crate::page_cache::PageCache<newsdesk_model::StoryId>,
    /// Rendered entity pages by kind and key, kept for a moment: the same for every reader.
    pub entity_pages: crate::page_cache::PageCache<(String, String)>,
    /// The image proxy: its signing key, cache and fetcher.
    pub images: crate::images::ImageProxy,
    /// Searches for the start of a word at once (see [`crate::search_gate`]).
    pub search_gate: crate::search_gate::SearchGate,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// The reader's address as the per-address limits count it: the TCP peer, or what the
    /// operator's trusted proxies say of it (see [`crate::client_address`]). "unknown" when
    /// the server runs without peer addresses (as in tests through `oneshot`).
    pub(crate) fn reader_address(&self, request: &axum::extract::Request) -> String {
        let peer = request.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
        crate::client_address::client_address(peer, request.headers(), &self.site.trusted_proxies)
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }

    /// Forgets every kept page: the operator changed what pages show (an outlet's name,
    /// moderation, settings).
    pub(crate) fn forget_pages(&self) {
        self.pages.clear();
        self.fronts.clear();
        self.story_pages.clear();
        self.entity_pages.clear();
    }

    pub(crate) fn new(
        store: Store,
        site: SiteSettings,
        fetcher: Option<Arc<dyn crate::images::ImageFetcher>>,
    ) -> Result<Self, WebError> {
        let images = crate::images::ImageProxy::new(fetcher);
        let templates = Templates::new(&site, Arc::clone(&images.signer))?;
        let search_gate = crate::search_gate::SearchGate::new(site.prefix_searches_at_once, site.prefix_search_wait);
        Ok(Self(Arc::new(Inner {
            store,
            site,
            templates,
            secret: tokio::sync::OnceCell::new(),
            pages: crate::page_cache::PageCache::new(),
            fronts: crate::page_cache::PageCache::with_capacity(crate::pages::front::KEPT_FRONT_PAGES as usize),
            // Story pages run to a few tens of KiB, entity pages to about 100: fewer are kept.
            story_pages: crate::page_cache::PageCache::with_capacity(512),
            entity_pages: crate::page_cache::PageCache::with_capacity(256),
            images,
            search_gate,
        })))
    }

    /// Reads the image proxy's key from the store once (every node shares it), so that pages
    /// can sign image addresses synchronously while they render.
    pub(crate) async fn image_key(&self) -> Result<(), WebError> {
        if self.images.signer.has_key() {
            return Ok(());
        }
        let fresh = crate::security::random_token().map_err(|e| WebError::Internal(e.to_string()))?;
        let value = self.store.site_secret("images", &fresh).await?;
        self.images.signer.set_key(value.into_bytes());
        Ok(())
    }

    /// The site's secret key, made on first use and shared by every node of the database.
    pub(crate) async fn secret(&self) -> Result<&[u8], WebError> {
        self.secret
            .get_or_try_init(|| async {
                let fresh = crate::security::random_token().map_err(|e| WebError::Internal(e.to_string()))?;
                let value = self.store.site_secret("forms", &fresh).await?;
                Ok::<_, WebError>(value.into_bytes())
            })
            .await
            .map(Vec::as_slice)
    }

    /// Turns a handler's result into a response; errors become an HTML error page.
    pub(crate) fn respond(&self, result: Result<Response, WebError>) -> Response {
        match result {
            Ok(response) => response,
            Err(err) => self.error_page(&err),
        }
    }

    pub(crate) fn error_page(&self, err: &WebError) -> Response {
        if let WebError::Internal(detail) = err {
            tracing::error!(error = %detail, "request failed");
        }
        let (heading, message) = err.heading_and_message();
        let ctx = minijinja::context! { heading => heading, message => &message };
        let body = self.templates.render("error.html", ctx).unwrap_or_else(|_| format!("{heading}: {message}"));
        let mut response = (err.status(), Html(body)).into_response();
        if matches!(err, WebError::Busy(_)) {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, crate::search_gate::RETRY_AFTER_SECONDS.into());
        }
        response
    }
}
