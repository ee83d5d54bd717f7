//! Feeds out, as Atom and JSON Feed, with absolute links built from the configured base URL
//! (never from request headers): the latest articles, a story, an entity, a search, and an
//! article's comments.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use newsdesk_feeds::{OutEntry, OutFeed, to_atom, to_json_feed};
use newsdesk_model::{ArticleId, StoryId};
use newsdesk_store::ArticleCard;

use crate::WebError;
use crate::params;
use crate::state::AppState;

/// Entries in a feed.
const FEED_ENTRIES: u32 = 50;

/// Which syntax a feed is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Atom,
    Json,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Self::Atom => "atom",
            Self::Json => "json",
        }
    }
}

fn link(state: &AppState, path: &str) -> Result<String, WebError> {
    state.site.base_url.join(path).map(|u| u.to_string()).map_err(|e| WebError::Internal(format!("base URL: {e}")))
}

fn respond(feed: &OutFeed, format: Format) -> Response {
    let (body, mime) = match format {
        Format::Atom => (to_atom(feed), "application/atom+xml; charset=utf-8"),
        Format::Json => (to_json_feed(feed), "application/feed+json; charset=utf-8"),
    };
    let mut response = body.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    response
}

/// An outlet's image as an absolute address of this site's image proxy.
fn image_link(state: &AppState, url: Option<&str>) -> Option<String> {
    let path = state.images.signer.path(url?)?;
    state.site.base_url.join(path.trim_start_matches('/')).ok().map(String::from)
}

/// A body with its figures served by this site's image proxy, at absolute addresses.
fn proxied_body(state: &AppState, html: &newsdesk_model::SafeHtml) -> newsdesk_model::SafeHtml {
    html.with_image_sources(|src| image_link(state, Some(src)))
}

fn card_entry(state: &AppState, a: ArticleCard) -> Result<OutEntry, WebError> {
    Ok(OutEntry {
        image: image_link(state, a.image_url.as_deref()),
        id: format!("urn:uuid:{}", a.id),
        url: link(state, &format!("articles/{}", a.id))?,
        updated: a.sort_at,
        title: a.title,
        summary: a.summary,
        content: None,
        author: a.byline,
        published: a.published_at,
        language: a.language,
    })
}

fn feed(
    state: &AppState,
    title: String,
    self_path: &str,
    site_path: &str,
    entries: Vec<OutEntry>,
) -> Result<OutFeed, WebError> {
    let updated: DateTime<Utc> = entries.iter().map(|e| e.updated).max().unwrap_or_else(Utc::now);
    let self_url = link(state, self_path)?;
    Ok(OutFeed { id: self_url.clone(), title, self_url, site_url: link(state, site_path)?, updated, entries })
}

/// `/feed.atom`, `/feed.json`: the latest whole articles.
pub(crate) async fn latest(State(state): State<AppState>, format: Format) -> Response {
    let result = async {
        let articles = state.store.recent_full_articles(FEED_ENTRIES).await?;
        let mut entries = Vec::with_capacity(articles.len());
        for article in articles {
            // Whole articles, so readers can read them in their feed reader.
            entries.push(OutEntry {
                image: image_link(&state, article.image_url.as_ref().map(url::Url::as_str)),
                content: Some(proxied_body(&state, &article.body_html)),
                id: format!("urn:uuid:{}", article.id),
                url: link(&state, &format!("articles/{}", article.id))?,
                updated: article.updated_at.or(article.published_at).unwrap_or(article.modified_at),
                title: article.title,
                summary: article.summary,
                author: article.byline,
                published: article.published_at,
                language: article.language,
            });
        }
        let f = feed(&state, state.site.title.clone(), &format!("feed.{}", format.ext()), "", entries)?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/stories.atom|json`: the front page: the top stories, each linking to its story page.
pub(crate) async fn top_stories(State(state): State<AppState>, format: Format) -> Response {
    let result = async {
        let stories = state.store.top_stories(0, FEED_ENTRIES).await?;
        let entries = stories
            .items
            .into_iter()
            .map(|s| {
                Ok(OutEntry {
                    image: image_link(&state, s.image_url.as_deref()),
                    id: format!("urn:uuid:{}", s.id),
                    url: link(&state, &format!("stories/{}", s.id))?,
                    title: s.title,
                    summary: format!(
                        "{} ({} {} from {} {})",
                        s.summary,
                        s.article_count,
                        if s.article_count == 1 { "article" } else { "articles" },
                        s.source_count,
                        if s.source_count == 1 { "source" } else { "sources" }
                    ),
                    content: None,
                    author: None,
                    published: Some(s.first_seen_at),
                    updated: s.last_seen_at,
                    language: s.language,
                })
            })
            .collect::<Result<Vec<_>, WebError>>()?;
        let title = format!("{}: top stories", state.site.title);
        let f = feed(&state, title, &format!("stories.{}", format.ext()), "", entries)?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/stories/{id}/feed.atom|json`: a story's articles, newest first.
pub(crate) async fn story(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    format: Format,
) -> Response {
    let result = async {
        let id: StoryId = id
            .ok()
            .and_then(|Path(raw)| raw.parse().ok())
            .ok_or_else(|| WebError::BadRequest("Story feed addresses start with a story id.".into()))?;
        let id = state
            .store
            .current_story(id)
            .await?
            .ok_or_else(|| WebError::NotFound(format!("There is no story {id}.")))?;
        let view =
            state.store.story(id).await?.ok_or_else(|| WebError::NotFound(format!("There is no story {id}.")))?;
        let entries = view
            .timeline
            .into_iter()
            .rev()
            .take(FEED_ENTRIES as usize)
            .map(|t| card_entry(&state, t.article))
            .collect::<Result<_, _>>()?;
        let title = format!("{}: {}", state.site.title, view.story.title);
        let f = feed(&state, title, &format!("stories/{id}/feed.{}", format.ext()), &format!("stories/{id}"), entries)?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/entities/{kind}/{key}/feed.atom|json`: the articles that name an entity, newest first.
pub(crate) async fn entity(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    format: Format,
) -> Response {
    let result = async {
        let Ok(Path((kind, key))) = path else {
            return Err(WebError::BadRequest("Entity feed addresses are /entities/KIND/NAME/feed.atom.".into()));
        };
        let view = state.store.entity(&kind, &key, FEED_ENTRIES).await?.ok_or_else(|| {
            WebError::NotFound(format!("No article names the {kind} `{}`.", key.chars().take(100).collect::<String>()))
        })?;
        let entries = view.articles.into_iter().map(|a| card_entry(&state, a)).collect::<Result<_, _>>()?;
        let encoded = crate::templates::segment(key.clone());
        let title = format!("{}: {}", state.site.title, view.entity.name);
        let base = format!("entities/{kind}/{encoded}");
        let f = feed(&state, title, &format!("{base}/feed.{}", format.ext()), &base, entries)?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/sources/{domain}/feed.atom|json`: an outlet's articles, newest first.
pub(crate) async fn source(
    State(state): State<AppState>,
    domain: Result<Path<String>, PathRejection>,
    format: Format,
) -> Response {
    let result = async {
        let Ok(Path(domain)) = domain else {
            return Err(WebError::BadRequest("Source feed addresses are /sources/DOMAIN/feed.atom.".into()));
        };
        let domain = domain.trim().to_lowercase().trim_start_matches("www.").to_owned();
        if domain.is_empty() || !domain.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-')) {
            return Err(WebError::BadRequest("Source feed addresses are /sources/DOMAIN/feed.atom.".into()));
        }
        let list = state.store.outlet_articles(&domain, 0, FEED_ENTRIES).await?;
        if list.total == 0 {
            return Err(WebError::NotFound(format!("newsdesk has no articles from {domain}.")));
        }
        let entries = list.items.into_iter().map(|a| card_entry(&state, a)).collect::<Result<_, _>>()?;
        let title = format!("{}: {domain}", state.site.title);
        let f = feed(
            &state,
            title,
            &format!("sources/{domain}/feed.{}", format.ext()),
            &format!("sources/{domain}"),
            entries,
        )?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/search/feed.atom|json?q=...`: a saved search as a feed, best first.
pub(crate) async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery, format: Format) -> Response {
    let result = async {
        let query = params::param(raw.as_deref(), "q")
            .map(|q| q.trim().chars().take(500).collect::<String>())
            .unwrap_or_default();
        if query.is_empty() {
            return Err(WebError::BadRequest("A search feed needs a query: /search/feed.atom?q=words.".into()));
        }
        let parsed = newsdesk_store::ParsedQuery::read(&query).map_err(|e| WebError::BadRequest(e.to_string()))?;
        let turn = state.search_gate.enter_for(&parsed).await?;
        let results = state.store.search_query(&parsed, 0, FEED_ENTRIES).await?;
        drop(turn);
        let entries = results.hits.into_iter().map(|h| card_entry(&state, h.article)).collect::<Result<_, _>>()?;
        let q: String = url::form_urlencoded::byte_serialize(query.as_bytes()).collect();
        let title = format!("{}: search for {query}", state.site.title);
        let f = feed(&state, title, &format!("search/feed.{}?q={q}", format.ext()), &format!("search?q={q}"), entries)?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}

/// `/articles/{id}/comments.atom|json`: an article's approved comments, newest first. Never
/// an email.
pub(crate) async fn comments(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    format: Format,
) -> Response {
    let result = async {
        let id: ArticleId = id
            .ok()
            .and_then(|Path(raw)| raw.parse().ok())
            .ok_or_else(|| WebError::BadRequest("Comment feed addresses start with an article id.".into()))?;
        let article =
            state.store.article(id).await?.ok_or_else(|| WebError::NotFound(format!("There is no article {id}.")))?;
        let comments = state.store.approved_comments(id).await?;
        let mut entries = Vec::with_capacity(comments.len());
        for c in comments.into_iter().rev().take(FEED_ENTRIES as usize) {
            entries.push(OutEntry {
                image: None,
                id: format!("urn:uuid:{}", c.id),
                url: link(&state, &format!("articles/{id}#comment-{}", c.id))?,
                title: format!("{} on {}", c.author_name, article.title),
                summary: c.body,
                content: None,
                author: Some(c.author_name),
                published: Some(c.created_at),
                updated: c.created_at,
                // (Readers write in whatever language they like.)
                language: None,
            });
        }
        let title = format!("{}: comments on {}", state.site.title, article.title);
        let f = feed(
            &state,
            title,
            &format!("articles/{id}/comments.{}", format.ext()),
            &format!("articles/{id}"),
            entries,
        )?;
        Ok(respond(&f, format))
    }
    .await;
    state.respond(result)
}
