//! Entries from a feed into articles: new entries become articles, re-polled entries change
//! nothing, changed entries update their article and keep what it said before as a revision.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, ArticleUpsert, Feed, SafeHtml};
use sqlx::Row;

use crate::articles::{merge, select_article, write_article};
use crate::open::Backend;
use crate::{Store, StoreError, time};

/// One entry of a polled feed.
#[derive(Debug, Clone)]
pub struct IncomingEntry {
    /// `guid:...`, `link:...` or `hash:...`: what identifies the entry in its feed.
    pub key: String,
    /// A hash of the entry's content: a different hash means the entry changed.
    pub content_hash: String,
    pub article: ArticleUpsert,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Entries that could not be stored, with why.
    pub invalid: Vec<String>,
}

/// An earlier version of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// 1 for the first version replaced, counting up.
    pub revision: u32,
    pub title: String,
    pub summary: String,
    pub body_text: String,
    pub body_html: SafeHtml,
    /// When it was replaced by the next version.
    pub replaced_at: DateTime<Utc>,
}

impl Store {
    /// Stores a feed's entries in one transaction.
    ///
    /// # Errors
    /// Database errors; then nothing of this batch is written.
    pub async fn ingest_entries(&self, feed: &Feed, entries: Vec<IncomingEntry>) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let now = time::now();
        match &self.backend {
            Backend::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let feed_id = feed.id.to_string();
                for entry in entries {
                    let upsert = match entry.article.validated() {
                        Ok(u) => ArticleUpsert { source_id: Some(feed.source_id), feed_id: Some(feed.id), ..u },
                        Err(e) => {
                            report.invalid.push(format!("{}: {e}", entry.key));
                            continue;
                        }
                    };
                    let known =
                        sqlx::query("SELECT article_id, content_hash FROM entries WHERE feed_id = ? AND entry_key = ?")
                            .bind(&feed_id)
                            .bind(&entry.key)
                            .fetch_optional(&mut *tx)
                            .await?;
                    match known {
                        None => {
                            let id = ArticleId::new_v7();
                            write_article(&mut tx, &merge(id, upsert, None, now), true).await?;
                            sqlx::query(
                                "INSERT INTO entries (feed_id, entry_key, article_id, content_hash, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                            )
                            .bind(&feed_id)
                            .bind(&entry.key)
                            .bind(id.to_string())
                            .bind(&entry.content_hash)
                            .bind(time::to_db(now))
                            .bind(time::to_db(now))
                            .execute(&mut *tx)
                            .await?;
                            report.created += 1;
                        }
                        Some(row) => {
                            let stored_hash: String = row.try_get("content_hash")?;
                            if stored_hash == entry.content_hash {
                                report.unchanged += 1;
                                continue;
                            }
                            let id = ArticleId::from_uuid(crate::rows::uuid(row.try_get("article_id")?)?);
                            let Some(old) = select_article(&mut tx, id).await? else {
                                return Err(StoreError::Corrupt(format!(
                                    "entry {} points at missing article {id}",
                                    entry.key
                                )));
                            };
                            let merged = merge(id, upsert, Some(&old), now);
                            if changed_text(&old, &merged) {
                                save_revision(&mut tx, &old, now).await?;
                            }
                            write_article(&mut tx, &merged, false).await?;
                            sqlx::query("UPDATE entries SET content_hash = ?, last_seen_at = ? WHERE feed_id = ? AND entry_key = ?")
                                .bind(&entry.content_hash)
                                .bind(time::to_db(now))
                                .bind(&feed_id)
                                .bind(&entry.key)
                                .execute(&mut *tx)
                                .await?;
                            report.updated += 1;
                        }
                    }
                }
                if report.created > 0 {
                    sqlx::query("UPDATE feeds SET item_count = item_count + ? WHERE id = ?")
                        .bind(i64::try_from(report.created).unwrap_or(i64::MAX))
                        .bind(&feed_id)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(report)
            }
        }
    }

    /// An article's earlier versions, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn article_revisions(&self, id: ArticleId) -> Result<Vec<Revision>, StoreError> {
        match &self.backend {
            Backend::Sqlite(pool) => {
                let rows = sqlx::query(
                    "SELECT revision, title, summary, body_text, body_html, replaced_at FROM article_revisions WHERE article_id = ? ORDER BY revision",
                )
                .bind(id.to_string())
                .fetch_all(pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Revision {
                            revision: u32::try_from(r.try_get::<i64, _>("revision")?).unwrap_or(0),
                            title: r.try_get("title")?,
                            summary: r.try_get("summary")?,
                            body_text: r.try_get("body_text")?,
                            body_html: SafeHtml::from_store(r.try_get("body_html")?),
                            replaced_at: time::from_db(r.try_get("replaced_at")?)?,
                        })
                    })
                    .collect()
            }
        }
    }
}

/// Only a change readers can see makes a revision (not a new byline or date alone).
fn changed_text(old: &Article, new: &Article) -> bool {
    old.title != new.title || old.summary != new.summary || old.body_text != new.body_text
}

async fn save_revision(conn: &mut sqlx::SqliteConnection, old: &Article, now: DateTime<Utc>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO article_revisions (article_id, revision, title, summary, body_text, body_html, replaced_at) \
         SELECT ?, coalesce(max(revision), 0) + 1, ?, ?, ?, ?, ? FROM article_revisions WHERE article_id = ?",
    )
    .bind(old.id.to_string())
    .bind(&old.title)
    .bind(&old.summary)
    .bind(&old.body_text)
    .bind(old.body_html.as_str())
    .bind(time::to_db(now))
    .bind(old.id.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
