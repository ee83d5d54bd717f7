//! Reading: articles, stories, entities, sources, search and comments.

use axum::extract::{RawQuery, State};
use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, StoryId};
use newsdesk_store::{ArticleCard, EntityCount, Outlet, PublicComment, SearchHit, StoryCard, StoryView};
use serde::Serialize;

use super::{
    ApiError, ApiPath, ApiResult, List, article_cursor, article_from, json, offset_cursor, offset_from, paging, param,
};
use crate::state::AppState;

/// An article with its body and what newsdesk understood of it.
#[derive(Serialize)]
struct ArticleFull {
    #[serde(flatten)]
    item: ArticleCard,
    created_at: DateTime<Utc>,
    feed_summary: Option<String>,
    body_text: String,
    body_html: String,
    updated_at: Option<DateTime<Utc>>,
    original_url: Option<String>,
    original_domain: Option<String>,
    story: Option<StoryCard>,
    copy_of: Option<ArticleCard>,
    entities: Vec<EntityCount>,
    keyphrases: Vec<String>,
}

pub(crate) fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().take(50).collect()
}

fn article_id(raw: &str) -> Result<ArticleId, ApiError> {
    raw.parse().map_err(|_| ApiError::bad_request("invalid_id", "that is not an article id (a UUID)"))
}

/// `GET /api/v1/articles`: every article, oldest stored first (ids are time-ordered), so a
/// client can follow the cursor to keep in step.
pub(crate) async fn articles(State(state): State<AppState>, RawQuery(raw): RawQuery) -> ApiResult {
    let query = query_pairs(raw.as_deref());
    let paging = paging(&query)?;
    let since = match param(&query, "since") {
        None => None,
        Some(raw) => Some(
            DateTime::parse_from_rfc3339(raw.trim())
                .map(|t| t.to_utc())
                .or_else(|_| {
                    chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
                        .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc())
                })
                .map_err(|_| {
                    ApiError::bad_request(
                        "invalid_since",
                        "since is a time such as 2026-05-04T09:30:00Z, or a day such as 2026-05-04",
                    )
                })?,
        ),
    };
    // The cursor continues the walk it came from: an `m` cursor the walk in the order articles
    // changed, an `a` cursor the walk by id; without one, `since` chooses the first.
    let cursor = paging.cursor.as_deref();
    let changed_walk = match cursor {
        Some(c) if c.starts_with('m') => {
            Some((since.unwrap_or(DateTime::UNIX_EPOCH), Some(changed_from(c).ok_or_else(super::invalid_cursor)?)))
        }
        Some(_) => None,
        None => since.map(|s| (s, None)),
    };
    if let Some((since, after)) = changed_walk {
        let mut page = state.store.articles_changed_since(since, after, paging.limit + 1).await?;
        let more = page.len() > paging.limit as usize;
        page.truncate(paging.limit as usize);
        let next_cursor =
            more.then(|| page.last().map(|a| super::position_cursor('m', a.modified_at, &a.id))).flatten();
        return article_list(&state, &page, next_cursor).await;
    }
    let after = article_from(cursor)?;
    let mut page = state.store.articles_after(after, paging.limit + 1).await?;
    let more = page.len() > paging.limit as usize;
    page.truncate(paging.limit as usize);
    let next_cursor = more.then(|| page.last().map(|a| article_cursor(a.id))).flatten();
    article_list(&state, &page, next_cursor).await
}

/// A cursor after an article in change order: `m`, its change time in microseconds, `.`, its id.
fn changed_from(cursor: &str) -> Option<(DateTime<Utc>, ArticleId)> {
    super::position_from('m', cursor)
}

/// A page of articles as the API lists them, each with its outlet.
async fn article_list(state: &AppState, page: &[Article], next_cursor: Option<String>) -> ApiResult {
    let ids: Vec<newsdesk_model::SourceId> = page.iter().filter_map(|a| a.source_id).collect();
    let sources = state.store.outlets(&ids).await?;
    let items = page
        .iter()
        .map(|a| {
            let outlet = a.source_id.and_then(|id| sources.get(&id).cloned());
            ArticleCard::of(a, outlet.or_else(|| Outlet::of(None, None, a.original_domain.clone())))
        })
        .collect();
    json(&List { items, next_cursor })
}

/// `GET /api/v1/articles/{id}`.
pub(crate) async fn article(State(state): State<AppState>, ApiPath(raw): ApiPath<String>) -> ApiResult {
    let id = article_id(&raw)?;
    let Some((a, context)) = state.store.article_with_context(id).await? else {
        return Err(ApiError::not_found(format!("there is no article {id}")));
    };
    json(&ArticleFull {
        item: ArticleCard::of(&a, context.outlet),
        created_at: a.created_at,
        feed_summary: a.feed_summary.clone(),
        body_text: a.body_text.clone(),
        body_html: a.body_html.as_str().to_owned(),
        updated_at: a.updated_at,
        original_url: a.original_url.as_ref().map(ToString::to_string),
        original_domain: a.original_domain.clone(),
        story: context.story,
        copy_of: context.copy_of,
        entities: context.entities,
        keyphrases: context.keyphrases,
    })
}

/// `GET /api/v1/articles/{id}/comments`: the published comments, oldest first; replies name
/// their parent.
pub(crate) async fn comments(
    State(state): State<AppState>,
    ApiPath(raw): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let id = article_id(&raw)?;
    let query = query_pairs(query.as_deref());
    let paging = paging(&query)?;
    let after = match paging.cursor.as_deref() {
        None => None,
        Some(c) => Some(super::position_from::<newsdesk_model::CommentId>('c', c).ok_or_else(super::invalid_cursor)?),
    };
    if state.store.article(id).await?.is_none() {
        return Err(ApiError::not_found(format!("there is no article {id}")));
    }
    // Every approved comment is reachable, page by page, however many there are.
    let mut items: Vec<PublicComment> = state.store.approved_comments_after(id, after, paging.limit + 1).await?;
    let more = items.len() > paging.limit as usize;
    items.truncate(paging.limit as usize);
    let next_cursor = more.then(|| items.last().map(|c| super::position_cursor('c', c.created_at, &c.id))).flatten();
    json(&List { items, next_cursor })
}

/// `GET /api/v1/stories`: the top stories, as the front page orders them.
pub(crate) async fn stories(State(state): State<AppState>, RawQuery(raw): RawQuery) -> ApiResult {
    let query = query_pairs(raw.as_deref());
    let paging = paging(&query)?;
    let offset = offset_from(paging.cursor.as_deref())?;
    let page = state.store.top_stories(offset, paging.limit).await?;
    let end = offset + page.items.len() as u64;
    let next_cursor = (end < page.total && !page.items.is_empty()).then(|| offset_cursor(end));
    json(&List { items: page.items, next_cursor })
}

/// `GET /api/v1/stories/{id}`: a story with its timeline and entities. A story merged into
/// another answers with the story it went into.
pub(crate) async fn story(State(state): State<AppState>, ApiPath(raw): ApiPath<String>) -> ApiResult {
    let id: StoryId =
        raw.parse().map_err(|_| ApiError::bad_request("invalid_id", "that is not a story id (a UUID)"))?;
    let current = state.store.current_story(id).await?.unwrap_or(id);
    let view: Option<StoryView> = state.store.story(current).await?;
    match view {
        Some(v) => json(&v),
        None => Err(ApiError::not_found(format!("there is no story {id}"))),
    }
}

/// `GET /api/v1/entities/{kind}/{key}`: a person, organisation or place, with the stories
/// and articles that name it.
pub(crate) async fn entity(
    State(state): State<AppState>,
    ApiPath((kind, key)): ApiPath<(String, String)>,
) -> ApiResult {
    if !matches!(kind.as_str(), "person" | "organization" | "place") {
        return Err(ApiError::bad_request("invalid_kind", "the kind is person, organization or place"));
    }
    match state.store.entity(&kind, &key, 50).await? {
        Some(v) => json(&v),
        None => Err(ApiError::not_found(format!("there is no {kind} `{}`", key.chars().take(80).collect::<String>()))),
    }
}

/// `GET /api/v1/sources`: every outlet.
pub(crate) async fn sources(State(state): State<AppState>) -> ApiResult {
    json(&List { items: state.store.sources().await?, next_cursor: None })
}

#[derive(Serialize)]
struct SourceWithArticles {
    source: newsdesk_model::Source,
    articles: List<ArticleCard>,
}

/// `GET /api/v1/sources/{domain}`: an outlet and its articles, newest first.
pub(crate) async fn source(
    State(state): State<AppState>,
    ApiPath(domain): ApiPath<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let query = query_pairs(raw.as_deref());
    let paging = paging(&query)?;
    let offset = offset_from(paging.cursor.as_deref())?;
    let Some(source) = state.store.source_by_domain(&domain).await? else {
        return Err(ApiError::not_found(format!("there is no source {}", domain.chars().take(80).collect::<String>())));
    };
    let page = state.store.outlet_articles(&source.domain, offset, paging.limit).await?;
    let end = offset + page.items.len() as u64;
    let next_cursor = (end < page.total && !page.items.is_empty()).then(|| offset_cursor(end));
    json(&SourceWithArticles { source, articles: List { items: page.items, next_cursor } })
}

#[derive(Serialize)]
struct SearchAnswer {
    items: Vec<SearchHit>,
    next_cursor: Option<String>,
    /// Articles that match in all (at most 500 are ranked; then the newest are listed).
    total: u64,
}

/// `GET /api/v1/search?q=`: the site's search, filters included.
pub(crate) async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> ApiResult {
    let query = query_pairs(raw.as_deref());
    let paging = paging(&query)?;
    let offset = offset_from(paging.cursor.as_deref())?;
    let q = param(&query, "q").unwrap_or("").trim();
    if q.is_empty() {
        return Err(ApiError::bad_request("missing_query", "give the words to search for as q"));
    }
    if offset >= newsdesk_store::SEARCH_DEPTH {
        return Err(ApiError::bad_request("search_too_deep", newsdesk_store::search_too_deep()));
    }
    // As the site's search box reads it, except that a filter that cannot be read is searched
    // as words (the site explains the filter instead; an API client gets what it asked for).
    let parsed = newsdesk_store::ParsedQuery::read_leniently(q);
    let turn = state.search_gate.enter_for(&parsed).await.map_err(|e| ApiError::busy(e.heading_and_message().1))?;
    let results = state.store.search_query(&parsed, offset, paging.limit).await?;
    drop(turn);
    let end = offset + results.hits.len() as u64;
    let listed = results.total.min(newsdesk_store::SEARCH_DEPTH);
    let next_cursor = (end < listed && !results.hits.is_empty()).then(|| offset_cursor(end));
    json(&SearchAnswer { items: results.hits, next_cursor, total: results.total })
}
