//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//!
//! Conventions: lists are `{"items": [...], "next_cursor": "..." | null}`, continued by
//! passing `cursor` back (cursors are opaque to clients; every cursor of the documented form is
//! a position, so a stale one is never an error); `limit` is 1 to 100 (default 20). Errors are
//! `{"error": {"code": "...", "message": "..."}}` with a stable snake_case `code`. Reading is
//! open; `/api/v1/admin/...` needs `Authorization: Bearer TOKEN` from
//! `newsdesk admin create-token NAME`. Emails are never part of any answer.

mod admin;
mod openapi;
mod read;

pub(crate) use admin::{held_from, held_page};

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    // Reading is open to every site's scripts (CORS); administration is not.
    let public = Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/articles", get(read::articles))
        .route("/api/v1/articles/{id}", get(read::article))
        .route("/api/v1/articles/{id}/comments", get(read::comments))
        .route("/api/v1/stories", get(read::stories))
        .route("/api/v1/stories/{id}", get(read::story))
        .route("/api/v1/entities/{kind}/{key}", get(read::entity))
        .route("/api/v1/sources", get(read::sources))
        .route("/api/v1/sources/{domain}", get(read::source))
        .route("/api/v1/search", get(read::search))
        .layer(axum::middleware::map_response(open_to_every_origin));
    Router::new()
        .merge(public)
        .route("/api/v1/admin/comments", get(admin::held_comments))
        .route("/api/v1/admin/comments/{id}", post(admin::moderate))
        .route("/api/v1/admin/feeds", get(admin::feeds).post(admin::add_feed))
        .route("/api/v1/admin/feeds/{id}", axum::routing::patch(admin::change_feed).delete(admin::remove_feed))
        .route("/api/v1/admin/sources/{domain}", axum::routing::patch(admin::rename_source))
        .route("/api/{*rest}", axum::routing::any(not_found))
}

/// `Access-Control-Allow-Origin: *` on the public reading endpoints: they need no credentials
/// and send none, so any site's scripts may read them.
async fn open_to_every_origin(mut response: Response) -> Response {
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// A path parameter; a malformed one is a JSON 400 like every other API error.
pub(crate) struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> axum::extract::FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(t)) => Ok(Self(t)),
            Err(_) => Err(ApiError::bad_request("invalid_path", "the address has a part that cannot be read")),
        }
    }
}

/// An API error: a status, a stable code, and a message that says what to fix.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    /// An error with any status; the named constructors below are for the common ones.
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into() }
    }

    pub(crate) fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self { status: StatusCode::BAD_REQUEST, code, message: message.into() }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
    }

    pub(crate) fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            message: "this needs an API token: send `Authorization: Bearer TOKEN` (newsdesk admin create-token NAME)"
                .into(),
        }
    }

    pub(crate) fn conflict(message: impl Into<String>) -> Self {
        Self { status: StatusCode::CONFLICT, code: "conflict", message: message.into() }
    }

    /// Too many searches for the start of a word at once (see `search_gate`): the answer says
    /// when to come back (`Retry-After`).
    pub(crate) fn busy(message: impl Into<String>) -> Self {
        Self { status: StatusCode::SERVICE_UNAVAILABLE, code: "busy", message: message.into() }
    }
}

impl From<newsdesk_store::StoreError> for ApiError {
    fn from(e: newsdesk_store::StoreError) -> Self {
        if let newsdesk_store::StoreError::Invalid(invalid) = &e {
            return Self::bad_request("invalid", invalid.to_string());
        }
        tracing::error!(error = %e, "API request failed on the database");
        newsdesk_model::metrics::METRICS.database_errors.inc();
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: "newsdesk could not answer; the error is logged".into(),
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code, message: &self.message } };
        let mut response = json_with(self.status, &body);
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, crate::search_gate::RETRY_AFTER_SECONDS.into());
        }
        response
    }
}

pub(crate) type ApiResult = Result<Response, ApiError>;

/// `value` as a JSON response with `status`.
pub(crate) fn json_with(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut response = (status, bytes).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "an API answer could not be written as JSON");
            (StatusCode::INTERNAL_SERVER_ERROR, "").into_response()
        }
    }
}

pub(crate) fn json(value: &impl Serialize) -> ApiResult {
    Ok(json_with(StatusCode::OK, value))
}

/// A page of a list.
#[derive(Serialize)]
pub(crate) struct List<T: Serialize> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

async fn not_found() -> ApiError {
    ApiError::not_found("there is no such API address; see /api/openapi.json")
}

/// `limit` and `cursor` from a query string.
pub(crate) struct Paging {
    pub limit: u32,
    pub cursor: Option<String>,
}

/// Reads `limit` (1-100, default 20) and `cursor`, refusing other malformed values.
pub(crate) fn paging(query: &[(String, String)]) -> Result<Paging, ApiError> {
    let limit = match param(query, "limit") {
        None => 20,
        Some(raw) => raw
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| ApiError::bad_request("invalid_limit", "limit must be a whole number from 1 to 100"))?,
    };
    Ok(Paging { limit, cursor: param(query, "cursor").map(str::to_owned) })
}

pub(crate) fn param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Most items a list is walked into by offset.
const MAX_OFFSET: u64 = 999_999;

/// A cursor for a position in a list walked by offset: `o` and the offset. Clients treat
/// cursors as opaque; every string of this form is a position, so none is refused.
pub(crate) fn offset_cursor(offset: u64) -> String {
    format!("o{}", offset.min(MAX_OFFSET))
}

/// The offset a cursor stands for (0 without one).
pub(crate) fn offset_from(cursor: Option<&str>) -> Result<u64, ApiError> {
    let Some(cursor) = cursor else { return Ok(0) };
    cursor
        .strip_prefix('o')
        .filter(|n| (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u64>().ok())
        .ok_or_else(invalid_cursor)
}

/// A cursor after an article: `a` and its id.
pub(crate) fn article_cursor(id: newsdesk_model::ArticleId) -> String {
    format!("a{id}")
}

/// The article a cursor continues after.
pub(crate) fn article_from(cursor: Option<&str>) -> Result<Option<newsdesk_model::ArticleId>, ApiError> {
    let Some(cursor) = cursor else { return Ok(None) };
    cursor.strip_prefix('a').and_then(|id| id.to_ascii_lowercase().parse().ok()).map(Some).ok_or_else(invalid_cursor)
}

/// A cursor for a position in a list walked by time then id: `kind`, the time in
/// microseconds, `.`, the id.
pub(crate) fn position_cursor(kind: char, at: chrono::DateTime<chrono::Utc>, id: &impl std::fmt::Display) -> String {
    format!("{kind}{}.{id}", at.timestamp_micros())
}

/// The position a [`position_cursor`] of this `kind` stands for.
pub(crate) fn position_from<T: std::str::FromStr>(
    kind: char,
    cursor: &str,
) -> Option<(chrono::DateTime<chrono::Utc>, T)> {
    let (micros, id) = cursor.strip_prefix(kind)?.split_once('.')?;
    if micros.is_empty() || micros.len() > 18 || !micros.bytes().all(|b| b.is_ascii_digit()) || id.len() != 36 {
        return None;
    }
    Some((chrono::DateTime::from_timestamp_micros(micros.parse().ok()?)?, id.to_ascii_lowercase().parse().ok()?))
}

pub(crate) fn invalid_cursor() -> ApiError {
    ApiError::bad_request("invalid_cursor", "the cursor is not one this API gave; start again without it")
}

/// The token's name when the request carries a valid API token.
pub(crate) async fn token_name(state: &AppState, headers: &HeaderMap) -> Result<String, ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 200)
        .ok_or_else(ApiError::unauthorized)?;
    state.store.api_token_name(&crate::security::sha256_hex(token)).await?.ok_or_else(ApiError::unauthorized)
}

/// A new API token and the hash to store for it.
///
/// # Errors
/// The system's random source failed.
pub fn new_api_token() -> Result<(String, String), crate::security::SecretError> {
    let token = format!("nd_{}", crate::security::random_token()?);
    let hash = crate::security::sha256_hex(&token);
    Ok((token, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        assert_eq!(offset_from(Some(&offset_cursor(40))).ok(), Some(40));
        assert_eq!(offset_from(None).ok(), Some(0));
        for junk in ["", "o", "o-1", "o1234567", "40", "o4x", &"o".repeat(300)] {
            assert!(offset_from(Some(junk)).is_err(), "{junk}");
        }
        let id: newsdesk_model::ArticleId =
            "019a2b10-4c00-7a01-8b00-00000000d004".parse().unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(article_from(Some(&article_cursor(id))).ok(), Some(Some(id)));
        assert!(article_from(Some("a019a2b10")).is_err());
    }
}
