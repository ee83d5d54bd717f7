use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};

use minijinja::value::Serde;

use crate::WebError;
use crate::params;
use crate::state::AppState;

/// `/search?q=...&page=N`: ranked full-text search with highlighted snippets.
pub(crate) async fn search_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let result = render(&state, raw.as_deref()).await;
    state.respond(result)
}

async fn render(state: &AppState, raw: Option<&str>) -> Result<Response, WebError> {
    let query = params::param(raw, "q").map(|q| q.trim().chars().take(500).collect::<String>()).unwrap_or_default();
    let page = params::page(raw)?;
    let size = state.site.page_size;
    // A search lists its first results only (`SEARCH_DEPTH`): deeper pages are narrowed to.
    let last_page = newsdesk_store::SEARCH_DEPTH.div_ceil(u64::from(size.max(1))).max(1);
    if page > last_page {
        return Err(WebError::BadRequest(format!(
            "Search lists the first {} results ({last_page} pages). To reach older articles, narrow the search: \
             more words, an outlet (source:), a language (lang:) or dates (after:, before:).",
            newsdesk_store::SEARCH_DEPTH
        )));
    }
    let (hits, total, ranked_newest) = if query.is_empty() {
        (Vec::new(), 0, None)
    } else {
        let parsed = newsdesk_store::ParsedQuery::read(&query).map_err(|e| WebError::BadRequest(e.to_string()))?;
        let _turn = state.search_gate.enter_for(&parsed).await?;
        let results = state.store.search_query(&parsed, (page - 1) * u64::from(size), size).await?;
        (results.hits, results.total, results.ranked_newest)
    };
    let listed = total.min(newsdesk_store::SEARCH_DEPTH);
    let (prev_url, next_url, pages) = params::pager("/search", &[("q", &query)], page, size, listed);
    let body = state.templates.render(
        "search.html",
        minijinja::context! {
            query, hits => Serde(hits), total, ranked_newest, page, pages, prev_url, next_url,
            depth => newsdesk_store::SEARCH_DEPTH,
        },
    )?;
    Ok(Html(body).into_response())
}
