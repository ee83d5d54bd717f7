//! Administration with an API token: the moderation queue and the feeds.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use newsdesk_model::{CommentId, Feed, FeedId, FullText};
use newsdesk_store::{HeldComment, Moderation, NewFeed};
use serde::{Deserialize, Serialize};

use super::{ApiError, ApiPath, ApiResult, List, invalid_cursor, json, json_with, paging, token_name};
use crate::state::AppState;

/// Largest request body read.
const MAX_BODY: usize = 16 * 1024;

/// The request's JSON object as `T`. Only an object is read (serde would also read a struct
/// from an array).
fn body<T: serde::de::DeserializeOwned>(bytes: &Bytes) -> Result<T, ApiError> {
    if bytes.len() > MAX_BODY {
        return Err(ApiError::bad_request("invalid_body", "the body is larger than 16 KiB"));
    }
    let bad = |e: &dyn std::fmt::Display| {
        ApiError::bad_request("invalid_body", format!("the body is not what this endpoint reads: {e}"))
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
    if !value.is_object() {
        return Err(bad(&"a JSON object is expected"));
    }
    serde_json::from_value(value).map_err(|e| bad(&e))
}

/// The moderation queue's page: a list with the number of comments held in all.
#[derive(Serialize)]
struct HeldList {
    items: Vec<HeldComment>,
    next_cursor: Option<String>,
    total: u64,
}

/// `GET /api/v1/admin/comments?limit=&cursor=`: comments held for moderation, oldest first.
pub(crate) async fn held_comments(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> ApiResult {
    token_name(&state, &headers).await?;
    let query = super::read::query_pairs(raw.as_deref());
    let paging = paging(&query)?;
    let after = match paging.cursor.as_deref() {
        None => None,
        Some(c) => Some(held_from(c).ok_or_else(invalid_cursor)?),
    };
    let (items, next_cursor) = held_page(&state, after, paging.limit).await?;
    let total = state.store.held_count().await?;
    json(&HeldList { items, next_cursor, total })
}

/// A page of the queue and the cursor of the page after it, if there is one.
pub(crate) async fn held_page(
    state: &AppState,
    after: Option<(chrono::DateTime<chrono::Utc>, CommentId)>,
    limit: u32,
) -> Result<(Vec<HeldComment>, Option<String>), newsdesk_store::StoreError> {
    let mut items = state.store.held_comments_after(after, limit.saturating_add(1)).await?;
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next = if more { items.last().map(|h| held_cursor(h.comment.created_at, h.comment.id)) } else { None };
    Ok((items, next))
}

/// A cursor after a held comment: `h`, its time in microseconds, `.`, its id.
pub(crate) fn held_cursor(at: chrono::DateTime<chrono::Utc>, id: CommentId) -> String {
    super::position_cursor('h', at, &id)
}

/// The position a held-comment cursor stands for.
pub(crate) fn held_from(cursor: &str) -> Option<(chrono::DateTime<chrono::Utc>, CommentId)> {
    super::position_from('h', cursor)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModerationRequest {
    action: String,
}

#[derive(Serialize)]
struct Moderated {
    id: CommentId,
    action: String,
}

/// `POST /api/v1/admin/comments/{id}` with `{"action": "approve" | "spam" | "delete"}`.
pub(crate) async fn moderate(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(raw): ApiPath<String>,
    bytes: Bytes,
) -> ApiResult {
    token_name(&state, &headers).await?;
    let id: CommentId =
        raw.parse().map_err(|_| ApiError::bad_request("invalid_id", "that is not a comment id (a UUID)"))?;
    let request: ModerationRequest = body(&bytes)?;
    let action = Moderation::parse(&request.action)
        .ok_or_else(|| ApiError::bad_request("invalid_action", "the action is approve, spam or delete"))?;
    if !state.store.moderate(id, action).await? {
        return Err(ApiError::not_found(format!("there is no comment {id}")));
    }
    state.forget_pages();
    json(&Moderated { id, action: request.action })
}

/// A feed as the API shows it.
#[derive(Serialize)]
struct FeedItem {
    id: FeedId,
    url: String,
    title: Option<String>,
    paused: bool,
    full_text: FullText,
    status: &'static str,
    last_error: Option<String>,
    error_count: u32,
    item_count: u64,
    last_polled_at: Option<chrono::DateTime<chrono::Utc>>,
    next_poll_at: chrono::DateTime<chrono::Utc>,
}

impl From<Feed> for FeedItem {
    fn from(f: Feed) -> Self {
        Self {
            id: f.id,
            url: f.url.to_string(),
            title: f.title,
            paused: f.paused,
            full_text: f.full_text,
            status: f.last_status.as_str(),
            last_error: f.last_error,
            error_count: f.error_count,
            item_count: f.item_count,
            last_polled_at: f.last_polled_at,
            next_poll_at: f.next_poll_at,
        }
    }
}

/// `GET /api/v1/admin/feeds`.
pub(crate) async fn feeds(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    token_name(&state, &headers).await?;
    let items: Vec<FeedItem> = state.store.feeds().await?.into_iter().map(FeedItem::from).collect();
    json(&List { items, next_cursor: None })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewFeedRequest {
    url: String,
}

/// `POST /api/v1/admin/feeds` with `{"url": "https://..."}`: follows a feed (polled on the
/// next crawl; give the feed's own address: the API does not look for it on a home page).
pub(crate) async fn add_feed(State(state): State<AppState>, headers: HeaderMap, bytes: Bytes) -> ApiResult {
    token_name(&state, &headers).await?;
    let request: NewFeedRequest = body(&bytes)?;
    let url = url::Url::parse(request.url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| ApiError::bad_request("invalid_url", "the url must be an http or https address"))?;
    if state.store.feed_by_url(url.as_str()).await?.is_some() {
        return Err(ApiError::conflict(format!("{url} is followed already")));
    }
    let feed = state.store.add_feed(NewFeed { url: Some(url), ..NewFeed::default() }).await?;
    Ok(json_with(StatusCode::CREATED, &FeedItem::from(feed)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedChange {
    paused: Option<bool>,
    full_text: Option<FullText>,
    title: Option<String>,
}

fn feed_id(raw: &str) -> Result<FeedId, ApiError> {
    raw.parse().map_err(|_| ApiError::bad_request("invalid_id", "that is not a feed id (a UUID)"))
}

/// `PATCH /api/v1/admin/feeds/{id}` with `{"paused": bool, "full_text": "auto" | "always" |
/// "never", "title": "..."}` (any of them). The name is checked before anything changes.
pub(crate) async fn change_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(raw): ApiPath<String>,
    bytes: Bytes,
) -> ApiResult {
    token_name(&state, &headers).await?;
    let id = feed_id(&raw)?;
    let change: FeedChange = body(&bytes)?;
    if state.store.feed(id).await?.is_none() {
        return Err(ApiError::not_found(format!("there is no feed {id}")));
    }
    if let Some(title) = &change.title {
        state.store.rename_feed(id, title).await?;
    }
    if let Some(paused) = change.paused {
        state.store.set_feed_paused(id, paused).await?;
    }
    if let Some(mode) = change.full_text {
        state.store.set_feed_full_text(id, mode).await?;
    }
    match state.store.feed(id).await? {
        Some(f) => json(&FeedItem::from(f)),
        None => Err(ApiError::not_found(format!("there is no feed {id}"))),
    }
}

/// `DELETE /api/v1/admin/feeds/{id}`: stops following the feed; its articles stay.
pub(crate) async fn remove_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(raw): ApiPath<String>,
) -> ApiResult {
    token_name(&state, &headers).await?;
    let id = feed_id(&raw)?;
    if !state.store.remove_feed(id).await? {
        return Err(ApiError::not_found(format!("there is no feed {id}")));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceChange {
    name: String,
}

/// `PATCH /api/v1/admin/sources/{domain}` with `{"name": "..."}`: renames an outlet.
pub(crate) async fn rename_source(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(domain): ApiPath<String>,
    bytes: Bytes,
) -> ApiResult {
    token_name(&state, &headers).await?;
    let change: SourceChange = body(&bytes)?;
    if change.name.split_whitespace().next().is_none() {
        return Err(ApiError::bad_request("invalid_name", "the name is empty"));
    }
    if change.name.chars().count() > 200 {
        return Err(ApiError::bad_request("invalid_name", "the name is longer than 200 characters"));
    }
    let missing = || ApiError::not_found(format!("there is no source {}", domain.chars().take(80).collect::<String>()));
    if !state.store.rename_source(&domain, &change.name).await? {
        return Err(missing());
    }
    state.forget_pages();
    json(&state.store.source_by_domain(&domain).await?.ok_or_else(missing)?)
}
