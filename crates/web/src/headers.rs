//! Security headers on every response, pages and errors alike, and the one layer every
//! request passes through.

use axum::extract::{Request, State};
use axum::http::header;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// No script from anywhere, styles and images only from this site (outlets' images come
/// through the image proxy), forms post only here, and no framing.
pub(crate) const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Sets the security headers on `headers`.
pub(crate) fn secure(h: &mut HeaderMap) {
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
}

/// What every request passes through before its route, in one layer (each `from_fn` layer
/// costs a boxed future and a clone of the service under it, for every request): the bounds
/// on what a request carries, the image proxy's key, and the security headers on whatever is
/// answered, pages, refusals and errors alike.
pub(crate) async fn front_door(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = match crate::request_limits::refusal(&state, &request) {
        Some(refused) => refused,
        None => {
            crate::images::key_ready(&state).await;
            next.run(request).await
        }
    };
    secure(response.headers_mut());
    response
}
