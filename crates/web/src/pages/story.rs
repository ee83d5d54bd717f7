use std::collections::BTreeMap;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::Serde;
use newsdesk_model::{ArticleId, StoryId};
use newsdesk_store::TimelineEntry;
use serde::Serialize;

use crate::WebError;
use crate::state::AppState;

/// One line of a story's timeline: an article, and the syndicated copies of it folded under.
#[derive(Serialize)]
struct TimelineItem {
    entry: TimelineEntry,
    outlet: String,
    copies: Vec<(TimelineEntry, String)>,
}

/// `/stories/{id}`: a story's summary, timeline, coverage by outlet and entities. A story that
/// was merged into another redirects there.
pub(crate) async fn story_page(State(state): State<AppState>, id: Result<Path<String>, PathRejection>) -> Response {
    let result = match id {
        Ok(Path(id)) => render(&state, &id).await,
        Err(_) => {
            Err(WebError::BadRequest("Story addresses end in a story id; this address is not a valid id.".into()))
        }
    };
    state.respond(result)
}

async fn render(state: &AppState, raw_id: &str) -> Result<Response, WebError> {
    let id: StoryId = raw_id.parse().map_err(|e: newsdesk_model::IdError| {
        WebError::BadRequest(format!("Story addresses end in a story id. {e}"))
    })?;
    let missing = || WebError::NotFound(format!("There is no story with the id {id}."));
    let current = state.store.current_story(id).await?.ok_or_else(missing)?;
    if current != id {
        let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
        if let Ok(location) = HeaderValue::from_str(&format!("/stories/{current}")) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return Ok(response);
    }
    // The same page for every reader: kept for a moment, as the front page is.
    if let Some(html) = state.story_pages.get(id) {
        return Ok(Html(html).into_response());
    }
    let view = state.store.story(id).await?.ok_or_else(missing)?;
    let mut coverage: BTreeMap<String, u32> = BTreeMap::new();
    for e in &view.timeline {
        *coverage.entry(outlet(e)).or_default() += 1;
    }
    let mut coverage: Vec<(String, u32)> = coverage.into_iter().collect();
    coverage.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let body = state.templates.render(
        "story.html",
        minijinja::context! {
            story => Serde(&view.story),
            timeline => Serde(fold_copies(view.timeline)),
            coverage => Serde(coverage),
            entities => Serde(&view.entities),
            earlier => Serde(view.related.iter().filter(|r| r.first_seen_at < view.story.first_seen_at).collect::<Vec<_>>()),
            later => Serde(view.related.iter().filter(|r| r.first_seen_at >= view.story.first_seen_at).collect::<Vec<_>>()),
        },
    )?;
    let body = axum::body::Bytes::from(body);
    state.story_pages.put(id, body.clone());
    Ok(Html(body).into_response())
}

/// The outlet to show for an article: its source's name, else the domain it credits.
fn outlet(e: &TimelineEntry) -> String {
    e.article.outlet.as_ref().map_or_else(|| "Unknown outlet".to_owned(), |o| o.name.clone())
}

/// Copies go under their original when the original is in the timeline; the rest stay in
/// time order.
fn fold_copies(timeline: Vec<TimelineEntry>) -> Vec<TimelineItem> {
    let present: std::collections::HashSet<ArticleId> = timeline.iter().map(|e| e.article.id).collect();
    let (copies, originals): (Vec<_>, Vec<_>) =
        timeline.into_iter().partition(|e| e.copy_of.is_some_and(|c| present.contains(&c)));
    let mut items: Vec<TimelineItem> =
        originals.into_iter().map(|entry| TimelineItem { outlet: outlet(&entry), entry, copies: Vec::new() }).collect();
    for copy in copies {
        let label = outlet(&copy);
        if let Some(item) = items.iter_mut().find(|i| Some(i.entry.article.id) == copy.copy_of) {
            item.copies.push((copy, label));
        }
    }
    items
}
