use axum::extract::State;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::WebError;
use crate::state::AppState;

const STYLESHEET: &str = include_str!("../../static/style.css");

/// `/static/style.css`.
pub(crate) async fn stylesheet() -> Response {
    let mut response = STYLESHEET.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    response
}

const FAVICON: &str = include_str!("../../static/favicon.svg");

/// `/static/favicon.svg`, and `/favicon.ico` where browsers look for it unasked.
pub(crate) async fn favicon() -> Response {
    let mut response = FAVICON.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    response
}

/// A method an address does not take: the same short page (or JSON, under /api) as every
/// other error, never an empty answer.
pub(crate) async fn method_not_allowed(
    State(state): State<AppState>,
    method: axum::http::Method,
    uri: Uri,
) -> Response {
    let path: String = uri.path().chars().take(100).collect();
    let message = format!("{path} does not take {method} requests.");
    if path.starts_with("/api/") {
        return crate::api::ApiError::new(axum::http::StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", message)
            .into_response();
    }
    state.error_page(&WebError::MethodNotAllowed(message))
}

/// Every address that is not a page.
pub(crate) async fn not_found(State(state): State<AppState>, uri: Uri) -> Response {
    let path: String = uri.path().chars().take(100).collect();
    state.error_page(&WebError::NotFound(format!("There is no page at {path}.")))
}
