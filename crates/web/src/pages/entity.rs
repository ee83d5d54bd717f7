use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::Serde;

use crate::WebError;
use crate::state::AppState;

/// Stories and articles listed on an entity page.
const LIST: u32 = 50;

/// `/entities/{kind}/{key}`: a person, organisation or place, with the stories and articles
/// that name it.
pub(crate) async fn entity_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let result = match path {
        Ok(Path((kind, key))) => render(&state, &kind, &key).await,
        Err(_) => Err(WebError::BadRequest("Entity addresses are /entities/KIND/NAME.".into())),
    };
    state.respond(result)
}

/// A permanent redirect to the entity's one address.
fn moved_to(kind: &str, key: &str) -> Response {
    let location = format!("/entities/{kind}/{}", crate::templates::segment(key.to_owned()));
    let mut response = axum::http::StatusCode::MOVED_PERMANENTLY.into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(&location) {
        response.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    response
}

async fn render(state: &AppState, kind: &str, key: &str) -> Result<Response, WebError> {
    let (canonical_kind, canonical_key) = (kind.to_ascii_lowercase(), newsdesk_store::fold_name(key));
    if (canonical_kind != kind || canonical_key != key)
        && matches!(canonical_kind.as_str(), "person" | "organization" | "place")
        && state.store.entity(&canonical_kind, &canonical_key, 1).await?.is_some()
    {
        // The same entity written another way: its one address.
        return Ok(moved_to(&canonical_kind, &canonical_key));
    }
    if !matches!(kind, "person" | "organization" | "place") {
        return Err(WebError::BadRequest(format!(
            "`{}` is not a kind of entity: use person, organization or place.",
            kind.chars().take(40).collect::<String>()
        )));
    }
    // The same page for every reader: kept for a moment, as the front page is.
    let cache_key = (kind.to_owned(), key.to_owned());
    if let Some(html) = state.entity_pages.get(cache_key.clone()) {
        return Ok(Html(html).into_response());
    }
    let Some(view) = state.store.entity(kind, key, LIST).await? else {
        // Another name of an entity ("ecb"), or the old address of names that joined.
        if let Some(found) = state.store.entity_called(kind, key).await?
            && found != key
        {
            return Ok(moved_to(kind, &found));
        }
        return Err(WebError::NotFound(format!(
            "No article names the {kind} `{}`.",
            key.chars().take(100).collect::<String>()
        )));
    };
    // A surname alone: the person its stories name in full, when one stands out.
    let named_in_full = state.store.named_in_full(&view.entity, &view.stories).await?;
    let body = axum::body::Bytes::from(state.templates.render(
        "entity.html",
        minijinja::context! { view => Serde(view), named_in_full => named_in_full.map(Serde) },
    )?);
    state.entity_pages.put(cache_key, body.clone());
    Ok(Html(body).into_response())
}
