//! `/feed.atom`: the latest articles as Atom, with absolute links built from the configured
//! base URL (never from request headers).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use newsdesk_feeds::{OutEntry, OutFeed, to_atom};

use crate::WebError;
use crate::state::AppState;

/// Entries in the feed.
const FEED_ENTRIES: u32 = 50;

pub(crate) async fn atom_feed(State(state): State<AppState>) -> Response {
    let result = render(&state).await;
    state.respond(result)
}

async fn render(state: &AppState) -> Result<Response, WebError> {
    let base = &state.site.base_url;
    let link =
        |path: &str| base.join(path).map(|u| u.to_string()).map_err(|e| WebError::Internal(format!("base URL: {e}")));
    let articles = state.store.recent_full_articles(FEED_ENTRIES).await?;
    let mut entries = Vec::with_capacity(articles.len());
    for article in articles {
        // The feed carries whole articles, so readers can read them in their feed reader.
        entries.push(OutEntry {
            id: format!("urn:uuid:{}", article.id),
            url: link(&format!("articles/{}", article.id))?,
            updated: article.updated_at.or(article.published_at).unwrap_or(article.modified_at),
            title: article.title,
            summary: article.summary,
            content: Some(article.body_html),
            author: article.byline,
            published: article.published_at,
        });
    }
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or_else(chrono::Utc::now);
    let self_url = link("feed.atom")?;
    let feed = OutFeed {
        id: self_url.clone(),
        title: state.site.title.clone(),
        self_url,
        site_url: link("")?,
        updated,
        entries,
    };
    let mut response = to_atom(&feed).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"));
    Ok(response)
}
