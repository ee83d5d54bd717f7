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

async fn render(state: &AppState, kind: &str, key: &str) -> Result<Response, WebError> {
    if !matches!(kind, "person" | "organization" | "place") {
        return Err(WebError::BadRequest(format!(
            "`{}` is not a kind of entity: use person, organization or place.",
            kind.chars().take(40).collect::<String>()
        )));
    }
    let view = state.store.entity(kind, key, LIST).await?.ok_or_else(|| {
        WebError::NotFound(format!("No article names the {kind} `{}`.", key.chars().take(100).collect::<String>()))
    })?;
    let body = state.templates.render("entity.html", minijinja::context! { view => Serde(view) })?;
    Ok(Html(body).into_response())
}
