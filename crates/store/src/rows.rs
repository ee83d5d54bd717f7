//! Decoding rows into model types. Every value read back is checked: a damaged row is a
//! [`StoreError::Corrupt`], never a panic.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, FeedId, SafeHtml, SourceId};
use url::Url;
use uuid::Uuid;

use crate::db::Row;
use crate::{ArticleCard, Outlet, StoreError, time};

pub(crate) const ARTICLE_COLUMNS: &str = "id, title, summary, feed_summary, body_text, body_html, byline, published_at, updated_at, \
     language, url, original_url, original_domain, comment_count, comments_here, source_id, feed_id, created_at, modified_at, title_derived, image_url";

pub(crate) const CARD_COLUMNS: &str = "a.id, a.title, a.summary, a.byline, a.published_at, a.original_domain, \
     a.comment_count, a.comments_here, a.sort_at, a.url, a.title_derived, a.image_url, a.language, (SELECT s.name FROM sources s WHERE s.id = a.source_id) AS outlet_name, \
     (SELECT s.domain FROM sources s WHERE s.id = a.source_id) AS outlet_domain";

pub(crate) fn uuid(s: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("id `{s}`: {e}")))
}

fn opt_time(row: &Row, col: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.get::<Option<String>>(col)?.as_deref().map(time::from_db).transpose()
}

pub(crate) fn opt_url(row: &Row, col: &str) -> Result<Option<Url>, StoreError> {
    row.get::<Option<String>>(col)?
        .map(|s| Url::parse(&s).map_err(|e| StoreError::Corrupt(format!("{col} `{s}`: {e}"))))
        .transpose()
}

fn count(row: &Row, col: &str) -> Result<u32, StoreError> {
    let n: i64 = row.get(col)?;
    u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("{col} {n}")))
}

pub(crate) fn article(row: &Row) -> Result<Article, StoreError> {
    article_with_texts(row, row.get("body_text")?, row.get("body_html")?)
}

/// [`article`], its two texts taken out of the row instead of copied (the row is read again
/// for the rest, not for them).
pub(crate) fn article_taking_texts(row: &mut Row) -> Result<Article, StoreError> {
    let (body_text, body_html) = (row.take_text("body_text")?, row.take_text("body_html")?);
    article_with_texts(row, body_text, body_html)
}

fn article_with_texts(row: &Row, body_text: String, body_html: String) -> Result<Article, StoreError> {
    Ok(Article {
        id: ArticleId::from_uuid(uuid(&row.get::<String>("id")?)?),
        title: row.get("title")?,
        title_derived: row.get("title_derived")?,
        summary: row.get("summary")?,
        feed_summary: row.get("feed_summary")?,
        body_text,
        body_html: SafeHtml::from_store(body_html),
        byline: row.get("byline")?,
        published_at: opt_time(row, "published_at")?,
        updated_at: opt_time(row, "updated_at")?,
        language: row.get("language")?,
        url: opt_url(row, "url")?,
        original_url: opt_url(row, "original_url")?,
        original_domain: row.get("original_domain")?,
        image_url: opt_url(row, "image_url")?,
        comment_count: count(row, "comment_count")?,
        comments_here: count(row, "comments_here")?,
        source_id: row.get::<Option<String>>("source_id")?.as_deref().map(uuid).transpose()?.map(SourceId::from_uuid),
        feed_id: row.get::<Option<String>>("feed_id")?.as_deref().map(uuid).transpose()?.map(FeedId::from_uuid),
        created_at: time::from_db(&row.get::<String>("created_at")?)?,
        modified_at: time::from_db(&row.get::<String>("modified_at")?)?,
    })
}

pub(crate) fn card(row: &Row) -> Result<ArticleCard, StoreError> {
    Ok(ArticleCard {
        id: ArticleId::from_uuid(uuid(&row.get::<String>("id")?)?),
        title: row.get("title")?,
        summary: row.get("summary")?,
        byline: row.get("byline")?,
        published_at: opt_time(row, "published_at")?,
        outlet: Outlet::of(row.get("outlet_name")?, row.get("outlet_domain")?, row.get("original_domain")?),
        original_domain: row.get("original_domain")?,
        comment_count: count(row, "comment_count")?,
        comments_here: count(row, "comments_here")?,
        sort_at: time::from_db(&row.get::<String>("sort_at")?)?,
        title_derived: row.get("title_derived")?,
        url: row.get("url")?,
        image_url: row.get("image_url")?,
        language: row.get("language")?,
    })
}
