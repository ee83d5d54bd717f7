use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};

use minijinja::value::Serde;

use crate::WebError;
use crate::params;
use crate::state::AppState;

/// Headlines of other outlets under a story's on the front page.
const CARD_HEADLINES: usize = 4;

/// `/`: the current stories, ranked by the day they were last active and then by coverage,
/// paginated with `?page=N`. Before any story exists (articles not yet understood), the
/// latest articles.
pub(crate) async fn front_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let result = render(&state, raw.as_deref()).await;
    state.respond(result)
}

/// Front pages kept in the page cache: the first ones, which most readers open.
pub(crate) const KEPT_FRONT_PAGES: u64 = 20;

/// The front page from the page cache, rendered on a miss: it is the same for every reader.
async fn render(state: &AppState, raw: Option<&str>) -> Result<Response, WebError> {
    let page = params::page(raw)?;
    if let Some(html) = state.fronts.get(page) {
        return Ok(Html(html).into_response());
    }
    let html = axum::body::Bytes::from(front_html(state, page).await?);
    if page <= KEPT_FRONT_PAGES {
        state.fronts.put(page, html.clone());
    }
    Ok(Html(html).into_response())
}

async fn front_html(state: &AppState, page: u64) -> Result<String, WebError> {
    let size = state.site.page_size;
    // The stories and their headlines from one moment of the database.
    let read = async {
        let mut stories = state.store.top_stories((page - 1) * u64::from(size), size).await?;
        // Under each headline, those of other outlets, as news aggregators show a story.
        let headlines = state.store.story_headlines(&mut stories.items, CARD_HEADLINES).await?;
        Ok::<_, WebError>((stories, headlines))
    };
    let (stories, headlines) = state.store.reading_together(read).await?;
    if stories.total == 0 {
        return latest_html(state, page).await;
    }
    let (prev_url, next_url, pages) = params::pager("/", &[], page, size, stories.total);
    let searches = state.store.saved_searches().await?;
    let headlines: std::collections::HashMap<String, Vec<newsdesk_store::Headline>> =
        headlines.into_iter().map(|(story, list)| (story.to_string(), list)).collect();
    let body = state.templates.render(
        "front.html",
        minijinja::context! {
            stories => Serde(stories.items), headlines => Serde(headlines), searches => Serde(searches),
            page, pages, prev_url, next_url,
        },
    )?;
    Ok(body)
}

/// `/latest`: every article, newest first, paginated with `?page=N`.
pub(crate) async fn latest_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let result = match params::page(raw.as_deref()) {
        Ok(page) => latest(&state, page).await,
        Err(e) => Err(e),
    };
    state.respond(result)
}

async fn latest(state: &AppState, page: u64) -> Result<Response, WebError> {
    Ok(Html(latest_html(state, page).await?).into_response())
}

async fn latest_html(state: &AppState, page: u64) -> Result<String, WebError> {
    let size = state.site.page_size;
    let list = state.store.recent_articles((page - 1) * u64::from(size), size).await?;
    let (prev_url, next_url, pages) = params::pager("/latest", &[], page, size, list.total);
    let searches = state.store.saved_searches().await?;
    let body = state.templates.render(
        "latest.html",
        minijinja::context! { articles => Serde(list.items), searches => Serde(searches), page, pages, prev_url, next_url },
    )?;
    Ok(body)
}
