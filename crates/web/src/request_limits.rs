//! Bounds on what a request may carry before any handler reads it, answered like every other
//! error: an HTML page, or JSON under `/api/`.
//!
//! The HTTP server (hyper) has its own, larger bounds (an address of 64 KiB, 100 headers, a
//! 400 KiB head) and answers past them, or for bytes that are not HTTP at all, with an empty
//! response that no handler sees. These bounds lie well inside those, so every address and
//! header set a browser or feed reader could send is answered here, with a body.

use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use crate::WebError;
use crate::state::AppState;

/// The longest address (path and query) read: as nginx's default request-line buffer.
pub(crate) const MAX_URI_BYTES: usize = 8 * 1024;
/// The most header lines read.
pub(crate) const MAX_HEADERS: usize = 64;
/// The most header bytes (names and values) read.
pub(crate) const MAX_HEADER_BYTES: usize = 32 * 1024;

/// The answer to a request past the bounds; `None` lets it through.
pub(crate) fn refusal(state: &AppState, request: &Request) -> Option<Response> {
    let uri_bytes = request.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    let problem = if uri_bytes > MAX_URI_BYTES {
        Some(WebError::UriTooLong(format!(
            "This address is {} KiB long; newsdesk reads addresses up to {} KiB.",
            uri_bytes.div_ceil(1024),
            MAX_URI_BYTES / 1024
        )))
    } else if headers.len() > MAX_HEADERS {
        Some(WebError::HeadersTooLarge(format!(
            "This request has {} header lines; newsdesk reads up to {MAX_HEADERS}.",
            headers.len()
        )))
    } else if header_bytes > MAX_HEADER_BYTES {
        Some(WebError::HeadersTooLarge(format!(
            "This request's headers hold {} KiB; newsdesk reads up to {} KiB.",
            header_bytes.div_ceil(1024),
            MAX_HEADER_BYTES / 1024
        )))
    } else {
        None
    };
    let problem = problem?;
    if request.uri().path().starts_with("/api/") {
        let code = if matches!(problem, WebError::UriTooLong(_)) { "uri_too_long" } else { "headers_too_large" };
        let (_, message) = problem.heading_and_message();
        return Some(crate::api::ApiError::new(problem.status(), code, message).into_response());
    }
    Some(state.error_page(&problem))
}
