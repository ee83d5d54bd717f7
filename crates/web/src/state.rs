use std::sync::Arc;

use axum::response::{Html, IntoResponse, Response};
use newsdesk_store::Store;
use serde::Serialize;
use url::Url;

use crate::WebError;
use crate::templates::Templates;

/// What the site needs to know about itself.
#[derive(Debug, Clone, Serialize)]
pub struct SiteSettings {
    /// The site's name, shown in every page's header and in feeds.
    pub title: String,
    /// The public address of the site, for absolute links in feeds. Never taken from request
    /// headers, which the client controls.
    pub base_url: Url,
    /// Articles per page of a list.
    pub page_size: u32,
}

#[derive(Clone)]
pub(crate) struct AppState(Arc<Inner>);

pub(crate) struct Inner {
    pub store: Store,
    pub site: SiteSettings,
    pub templates: Templates,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub(crate) fn new(store: Store, site: SiteSettings) -> Result<Self, WebError> {
        let templates = Templates::new(&site)?;
        Ok(Self(Arc::new(Inner { store, site, templates })))
    }

    /// Turns a handler's result into a response; errors become an HTML error page.
    pub(crate) fn respond(&self, result: Result<Response, WebError>) -> Response {
        match result {
            Ok(response) => response,
            Err(err) => self.error_page(&err),
        }
    }

    pub(crate) fn error_page(&self, err: &WebError) -> Response {
        if let WebError::Internal(detail) = err {
            tracing::error!(error = %detail, "request failed");
        }
        let (heading, message) = err.heading_and_message();
        let ctx = minijinja::context! { heading => heading, message => &message };
        let body = self.templates.render("error.html", ctx).unwrap_or_else(|_| format!("{heading}: {message}"));
        (err.status(), Html(body)).into_response()
    }
}
