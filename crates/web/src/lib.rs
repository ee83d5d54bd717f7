//! The newsdesk web site.
//!
//! What it does: server-rendered HTML pages (front page of stories, latest articles, story,
//! article, entity and search pages), the outgoing
//! Atom feed, the stylesheet, error pages with the right status (400 for malformed input,
//! 404 for what does not exist; user input never causes a 500), and strict security headers
//! on every response. Pages work without JavaScript; there is none.
//!
//! What it deliberately does not do: SQL (it calls [`newsdesk_store::Store`]'s use cases) or
//! decide configuration (the binary passes a [`SiteSettings`]).

mod api;
mod chunks;
mod client_address;
mod discussion;
mod error;
mod feed;
mod first_head;
mod headers;
mod images;
mod operations;
mod page_cache;
mod pages;
mod params;
mod request_limits;
mod search_gate;
mod security;
mod state;
mod templates;

use std::future::Future;

use axum::Router;
use axum::routing::{get, post};
use newsdesk_store::Store;
use tokio::net::TcpListener;

pub use api::new_api_token;
pub use error::WebError;
pub use images::{FetchedImage, ImageFetcher, MAX_IMAGE_BYTES};
pub use security::{SecretError, hash_password};
pub use state::SiteSettings;

/// Reads a comment form's body and checks it as the site does before it stores a comment: the
/// errors a reader would be shown (none when it would be accepted). For the fuzz target of the
/// comment form (`fuzz/`); it needs no store.
#[doc(hidden)]
#[must_use]
pub fn check_comment_form(body: &[u8]) -> Vec<String> {
    discussion::check(&discussion::CommentForm::parse(body)).err().unwrap_or_default()
}

use crate::state::AppState;

/// The whole site as an axum router.
///
/// # Errors
/// [`WebError::Internal`] when an embedded template does not compile: a build defect that
/// must stop start-up rather than fail on the first request.
pub fn router(store: Store, site: SiteSettings) -> Result<Router, WebError> {
    router_with_images(store, site, None)
}

/// The whole site, with `images` fetching the pictures its image proxy serves (`/img/...`);
/// without it the proxy answers 503 and pages still name their images.
///
/// # Errors
/// As [`router`].
pub fn router_with_images(
    store: Store,
    site: SiteSettings,
    images: Option<std::sync::Arc<dyn ImageFetcher>>,
) -> Result<Router, WebError> {
    let state = AppState::new(store, site, images)?;
    Ok(Router::new()
        .route("/", get(pages::front::front_page))
        .route("/img/{mac}", get(images::image))
        .route("/articles/{id}", get(pages::article::article_page))
        .route("/articles/{id}/comments", post(pages::article::post_comment))
        .route("/admin", get(pages::admin::dashboard))
        .route("/admin/login", get(pages::admin::login_page).post(pages::admin::login))
        .route("/admin/logout", post(pages::admin::logout))
        .route("/admin/comments", post(pages::admin::moderate_page))
        .route("/admin/comments/{id}", post(pages::admin::moderate))
        .route("/admin/comments/{id}/reply", post(pages::admin::reply))
        .route("/admin/searches", post(pages::admin::saved_searches))
        .route("/admin/sources", post(pages::admin::rename_source))
        .route("/admin/feeds", post(pages::admin::add_feed))
        .route("/admin/feeds/{id}", post(pages::admin::feed))
        .route("/latest", get(pages::front::latest_page))
        .route("/stories/{id}", get(pages::story::story_page))
        .route("/entities/{kind}/{key}", get(pages::entity::entity_page))
        .route("/sources/{domain}", get(pages::source::source_page))
        .route("/sources/{domain}/feed.atom", get(|s, p| feed::source(s, p, feed::Format::Atom)))
        .route("/sources/{domain}/feed.json", get(|s, p| feed::source(s, p, feed::Format::Json)))
        .route("/search", get(pages::search::search_page))
        .route("/feed.atom", get(|s| feed::latest(s, feed::Format::Atom)))
        .route("/feed.json", get(|s| feed::latest(s, feed::Format::Json)))
        .route("/stories.atom", get(|s| feed::top_stories(s, feed::Format::Atom)))
        .route("/stories.json", get(|s| feed::top_stories(s, feed::Format::Json)))
        .route("/stories/{id}/feed.atom", get(|s, p| feed::story(s, p, feed::Format::Atom)))
        .route("/stories/{id}/feed.json", get(|s, p| feed::story(s, p, feed::Format::Json)))
        .route("/entities/{kind}/{key}/feed.atom", get(|s, p| feed::entity(s, p, feed::Format::Atom)))
        .route("/entities/{kind}/{key}/feed.json", get(|s, p| feed::entity(s, p, feed::Format::Json)))
        .route("/search/feed.atom", get(|s, q| feed::search(s, q, feed::Format::Atom)))
        .route("/search/feed.json", get(|s, q| feed::search(s, q, feed::Format::Json)))
        .route("/articles/{id}/comments.atom", get(|s, p| feed::comments(s, p, feed::Format::Atom)))
        .route("/articles/{id}/comments.json", get(|s, p| feed::comments(s, p, feed::Format::Json)))
        .route("/static/style.css", get(pages::assets::stylesheet))
        .route("/static/favicon.svg", get(pages::assets::favicon))
        .route("/favicon.ico", get(pages::assets::favicon))
        .merge(api::routes())
        .route("/healthz", get(operations::healthz))
        .route("/readyz", get(operations::readyz))
        .route("/metrics", get(operations::metrics))
        .fallback(pages::assets::not_found)
        .method_not_allowed_fallback(pages::assets::method_not_allowed)
        .route_layer(axum::middleware::from_fn(operations::count_requests))
        .layer(axum::middleware::from_fn_with_state(state.clone(), headers::front_door))
        .with_state(state))
}

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests under
/// way.
///
/// # Errors
/// I/O errors of the listener.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Each connection's first request head is checked before hyper reads it, so that bytes
    // hyper cannot read get an answer with a body; the peer address keys the per-address limits.
    let listener = first_head::CheckedListener(listener).tap_io(|_| {});
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}
