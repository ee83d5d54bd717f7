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
    let (hits, total, ranked_newest) = if query.is_empty() {
        (Vec::new(), 0, None)
    } else {
        let parsed = newsdesk_store::ParsedQuery::read(&query).map_err(|e| WebError::BadRequest(e.to_string()))?;
        let results = state.store.search_query(&parsed, (page - 1) * u64::from(size), size).await?;
        (results.hits, results.total, results.ranked_newest)
    };
    let (prev_url, next_url, pages) = params::pager("/search", &[("q", &query)], page, size, total);
    let body = state.templates.render(
        "search.html",
        minijinja::context! { query, hits => Serde(hits), total, ranked_newest, page, pages, prev_url, next_url },
    )?;
    Ok(Html(body).into_response())
}
