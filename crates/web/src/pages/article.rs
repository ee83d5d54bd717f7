use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use newsdesk_model::ArticleId;

use minijinja::value::Serde;

use crate::WebError;

/// An earlier version, newest first on the page.
#[derive(serde::Serialize)]
struct RevisionView {
    revision: u32,
    title: String,
    /// Sanitized when it was stored.
    body_html: String,
    replaced_at: chrono::DateTime<chrono::Utc>,
}
use crate::state::AppState;

/// `/articles/{id}`: one article. A malformed id is a 400, an unknown one a 404.
pub(crate) async fn article_page(State(state): State<AppState>, id: Result<Path<String>, PathRejection>) -> Response {
    let result = match id {
        Ok(Path(id)) => render(&state, &id).await,
        // Percent-escapes that are not UTF-8 cannot be an id either.
        Err(_) => Err(WebError::BadRequest(
            "Article addresses end in an article id; this address is not a valid id.".to_owned(),
        )),
    };
    state.respond(result)
}

async fn render(state: &AppState, raw_id: &str) -> Result<Response, WebError> {
    let id: ArticleId = raw_id.parse().map_err(|e: newsdesk_model::IdError| {
        WebError::BadRequest(format!("Article addresses end in an article id. {e}"))
    })?;
    let article = state.store.article(id).await?.ok_or_else(|| {
        WebError::NotFound(format!("There is no article with the id {id}. It may have been removed."))
    })?;
    let original_link = article.original_link();
    let revisions: Vec<RevisionView> = state
        .store
        .article_revisions(id)
        .await?
        .into_iter()
        .rev()
        .map(|r| RevisionView {
            revision: r.revision,
            title: r.title,
            body_html: r.body_html.as_str().to_owned(),
            replaced_at: r.replaced_at,
        })
        .collect();
    let context = state.store.article_context(id).await?;
    let body = state.templates.render(
        "article.html",
        minijinja::context! {
            article => Serde(article),
            original_link,
            revisions => Serde(revisions),
            context => Serde(context),
        },
    )?;
    Ok(Html(body).into_response())
}
