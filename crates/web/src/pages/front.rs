use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};

use minijinja::value::Serde;

use crate::WebError;
use crate::params;
use crate::state::AppState;

/// `/`: the latest articles, newest first, paginated with `?page=N`.
pub(crate) async fn front_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let result = render(&state, raw.as_deref()).await;
    state.respond(result)
}

async fn render(state: &AppState, raw: Option<&str>) -> Result<Response, WebError> {
    let page = params::page(raw)?;
    let size = state.site.page_size;
    let list = state.store.recent_articles((page - 1) * u64::from(size), size).await?;
    let (prev_url, next_url, pages) = params::pager("/", &[], page, size, list.total);
    let body = state
        .templates
        .render("front.html", minijinja::context! { articles => Serde(list.items), page, pages, prev_url, next_url })?;
    Ok(Html(body).into_response())
}
