use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::Serde;

use crate::WebError;
use crate::params;
use crate::state::AppState;

/// `/sources/{domain}`: an outlet's articles, newest first, and, for an outlet newsdesk
/// follows, the health of its feeds.
pub(crate) async fn source_page(
    State(state): State<AppState>,
    domain: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Response {
    let result = async {
        let Ok(Path(domain)) = domain else {
            return Err(WebError::BadRequest("Source addresses end in a domain, such as /sources/example.org.".into()));
        };
        let domain = domain.trim().to_lowercase().trim_start_matches("www.").to_owned();
        if domain.is_empty()
            || domain.len() > 253
            || !domain.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        {
            return Err(WebError::BadRequest("Source addresses end in a domain, such as /sources/example.org.".into()));
        }
        let page = params::page(raw.as_deref())?;
        let size = state.site.page_size;
        let list = state.store.outlet_articles(&domain, (page - 1) * u64::from(size), size).await?;
        let source = state.store.source_by_domain(&domain).await?;
        if list.total == 0 && source.is_none() {
            return Err(WebError::NotFound(format!("newsdesk has no articles from {domain}.")));
        }
        let feeds = match &source {
            Some(s) => state.store.feeds().await?.into_iter().filter(|f| f.source_id == s.id).collect(),
            None => Vec::new(),
        };
        let base = format!("/sources/{domain}");
        let (prev_url, next_url, pages) = params::pager(&base, &[], page, size, list.total);
        let body = state.templates.render(
            "source.html",
            minijinja::context! {
                domain,
                name => source.as_ref().map(|s| s.name.clone()),
                homepage => source.as_ref().map(|s| s.homepage.to_string()),
                feeds => Serde(feeds),
                articles => Serde(list.items),
                total => list.total,
                page, pages, prev_url, next_url,
            },
        )?;
        Ok(Html(body).into_response())
    }
    .await;
    state.respond(result)
}
