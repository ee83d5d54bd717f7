//! Decoding rows into model types. Every value read back is checked: a damaged row is a
//! [`StoreError::Corrupt`], never a panic.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, FeedId, SafeHtml, SourceId};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use url::Url;
use uuid::Uuid;

use crate::{ArticleCard, StoreError, time};

pub(crate) const ARTICLE_COLUMNS: &str = "id, title, summary, feed_summary, body_text, body_html, byline, published_at, updated_at, \
     language, url, original_url, original_domain, comment_count, source_id, feed_id, created_at, modified_at";

pub(crate) const CARD_COLUMNS: &str =
    "a.id, a.title, a.summary, a.byline, a.published_at, a.original_domain, a.comment_count, a.sort_at";

pub(crate) fn uuid(s: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("id `{s}`: {e}")))
}

fn opt_time(row: &SqliteRow, col: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.try_get::<Option<String>, _>(col)?.as_deref().map(time::from_db).transpose()
}

fn opt_url(row: &SqliteRow, col: &str) -> Result<Option<Url>, StoreError> {
    row.try_get::<Option<String>, _>(col)?
        .map(|s| Url::parse(&s).map_err(|e| StoreError::Corrupt(format!("{col} `{s}`: {e}"))))
        .transpose()
}

fn count(row: &SqliteRow) -> Result<u32, StoreError> {
    let n: i64 = row.try_get("comment_count")?;
    u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("comment_count {n}")))
}

pub(crate) fn article(row: &SqliteRow) -> Result<Article, StoreError> {
    Ok(Article {
        id: ArticleId::from_uuid(uuid(row.try_get("id")?)?),
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        feed_summary: row.try_get("feed_summary")?,
        body_text: row.try_get("body_text")?,
        body_html: SafeHtml::from_store(row.try_get("body_html")?),
        byline: row.try_get("byline")?,
        published_at: opt_time(row, "published_at")?,
        updated_at: opt_time(row, "updated_at")?,
        language: row.try_get("language")?,
        url: opt_url(row, "url")?,
        original_url: opt_url(row, "original_url")?,
        original_domain: row.try_get("original_domain")?,
        comment_count: count(row)?,
        source_id: row.try_get::<Option<&str>, _>("source_id")?.map(uuid).transpose()?.map(SourceId::from_uuid),
        feed_id: row.try_get::<Option<&str>, _>("feed_id")?.map(uuid).transpose()?.map(FeedId::from_uuid),
        created_at: time::from_db(row.try_get("created_at")?)?,
        modified_at: time::from_db(row.try_get("modified_at")?)?,
    })
}

pub(crate) fn card(row: &SqliteRow) -> Result<ArticleCard, StoreError> {
    Ok(ArticleCard {
        id: ArticleId::from_uuid(uuid(row.try_get("id")?)?),
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        byline: row.try_get("byline")?,
        published_at: opt_time(row, "published_at")?,
        original_domain: row.try_get("original_domain")?,
        comment_count: count(row)?,
        sort_at: time::from_db(row.try_get("sort_at")?)?,
    })
}
