//! Entries from a feed into articles: new entries become articles, re-polled entries change
//! nothing, changed entries update their article and keep what it said before as a revision.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, ArticleUpsert, Feed, FeedId, SafeHtml};

use std::collections::HashMap;

use crate::articles::{ARTICLE_INSERT_COLUMNS, bind_article, merge, select_article, write_article};
use crate::db::On;
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
    /// The articles created or changed, for understanding.
    pub changed: Vec<ArticleId>,
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
        let mut valid: Vec<(String, String, ArticleUpsert)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match entry.article.validated() {
                Ok(u) => valid.push((
                    entry.key,
                    entry.content_hash,
                    ArticleUpsert { source_id: Some(feed.source_id), feed_id: Some(feed.id), ..u },
                )),
                Err(e) => report.invalid.push(format!("{}: {e}", entry.key)),
            }
        }
        let mut tx = self.write_ingest().await?;
        let feed_id = feed.id.to_string();
        let mut known = known_entries(tx.on(), &feed_id, valid.iter().map(|(k, _, _)| k.as_str())).await?;
        let mut new_articles: Vec<Article> = Vec::new();
        let mut new_entries: Vec<(String, ArticleId, String)> = Vec::new();
        for (key, hash, upsert) in valid {
            match known.get(&key) {
                None => {
                    let id = ArticleId::new_v7();
                    new_articles.push(merge(id, upsert, None, now));
                    known.insert(key.clone(), (id, hash.clone()));
                    new_entries.push((key, id, hash));
                    report.created += 1;
                    report.changed.push(id);
                }
                Some((_, stored_hash)) if *stored_hash == hash => report.unchanged += 1,
                Some(&(id, _)) => {
                    if new_entries.iter().any(|(_, new_id, _)| *new_id == id) {
                        // The same entry twice in one poll: the first one stands.
                        report.unchanged += 1;
                        continue;
                    }
                    let Some(old) = select_article(tx.on(), id).await? else {
                        return Err(StoreError::Corrupt(format!("entry {key} points at missing article {id}")));
                    };
                    let merged = merge(id, upsert, Some(&old), now);
                    if changed_text(&old, &merged) {
                        save_revision(tx.on(), &old, now).await?;
                    }
                    write_article(tx.on(), &merged, false).await?;
                    self.sql(
                        "UPDATE entries SET content_hash = ?, last_seen_at = ? WHERE feed_id = ? AND entry_key = ?",
                    )
                    .bind(&hash)
                    .bind(time::to_db(now))
                    .bind(&feed_id)
                    .bind(&key)
                    .execute(tx.on())
                    .await?;
                    known.insert(key, (id, hash));
                    report.updated += 1;
                    report.changed.push(id);
                }
            }
        }
        insert_articles(tx.on(), &new_articles).await?;
        insert_entries(tx.on(), &feed_id, &new_entries, now).await?;
        if report.created > 0 {
            self.sql("UPDATE feeds SET item_count = item_count + ? WHERE id = ?")
                .bind(i64::try_from(report.created).unwrap_or(i64::MAX))
                .bind(&feed_id)
                .execute(tx.on())
                .await?;
        }
        tx.commit().await?;
        Ok(report)
    }

    /// Which of `keys` the feed has stored, each with its content hash: an entry whose key is
    /// missing is new, one whose hash differs has changed. Read before fetching article pages,
    /// so that only new and changed entries cost a fetch.
    ///
    /// # Errors
    /// Database errors.
    pub async fn entry_hashes(&self, feed: FeedId, keys: &[&str]) -> Result<HashMap<String, String>, StoreError> {
        let known = known_entries(self.pool(), &feed.to_string(), keys.iter().copied()).await?;
        Ok(known.into_iter().map(|(key, (_, hash))| (key, hash)).collect())
    }

    /// An article's earlier versions, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn article_revisions(&self, id: ArticleId) -> Result<Vec<Revision>, StoreError> {
        let rows = self.sql(
            "SELECT revision, title, summary, body_text, body_html, replaced_at FROM article_revisions WHERE article_id = ? ORDER BY revision",
        )
        .bind(id.to_string())
        .fetch_all(self.here())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Revision {
                    revision: u32::try_from(r.get::<i64>("revision")?).unwrap_or(0),
                    title: r.get("title")?,
                    summary: r.get("summary")?,
                    body_text: r.get("body_text")?,
                    body_html: SafeHtml::from_store(r.get("body_html")?),
                    replaced_at: time::from_db(&r.get::<String>("replaced_at")?)?,
                })
            })
            .collect()
    }
}

/// The stored article id and content hash of each of `keys` this feed has seen, looked up in
/// chunks (one statement per chunk instead of one per entry).
async fn known_entries<'k>(
    mut on: On<'_>,
    feed_id: &str,
    keys: impl Iterator<Item = &'k str>,
) -> Result<HashMap<String, (ArticleId, String)>, StoreError> {
    let keys: Vec<&str> = keys.collect();
    let mut known = HashMap::with_capacity(keys.len());
    for chunk in keys.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!(
            "SELECT entry_key, article_id, content_hash FROM entries WHERE feed_id = ? AND entry_key IN ({marks})"
        );
        let mut query = on.sql(sql).bind(feed_id);
        for key in chunk {
            query = query.bind(*key);
        }
        for row in query.fetch_all(on.again()).await? {
            let id = ArticleId::from_uuid(crate::rows::uuid(&row.get::<String>("article_id")?)?);
            known.insert(row.get("entry_key")?, (id, row.get("content_hash")?));
        }
    }
    Ok(known)
}

/// New articles, several rows per INSERT.
async fn insert_articles(mut on: On<'_>, articles: &[Article]) -> Result<(), StoreError> {
    for chunk in articles.chunks(40) {
        let row = format!("({})", vec!["?"; ARTICLE_INSERT_COLUMNS.split(',').count()].join(", "));
        let sql =
            format!("INSERT INTO articles ({ARTICLE_INSERT_COLUMNS}) VALUES {}", vec![row; chunk.len()].join(", "));
        let mut query = on.sql(sql);
        for a in chunk {
            query = bind_article(query, a);
        }
        query.execute(on.again()).await?;
    }
    Ok(())
}

async fn insert_entries(
    mut on: On<'_>,
    feed_id: &str,
    entries: &[(String, ArticleId, String)],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let seen = time::to_db(now);
    for chunk in entries.chunks(150) {
        let sql = format!(
            "INSERT INTO entries (feed_id, entry_key, article_id, content_hash, first_seen_at, last_seen_at) VALUES {}",
            vec!["(?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        let mut query = on.sql(sql);
        for (key, id, hash) in chunk {
            query = query
                .bind(feed_id)
                .bind(key.as_str())
                .bind(id.to_string())
                .bind(hash.as_str())
                .bind(seen.clone())
                .bind(seen.clone());
        }
        query.execute(on.again()).await?;
    }
    Ok(())
}

/// Only a change readers can see makes a revision (not a new byline or date alone).
fn changed_text(old: &Article, new: &Article) -> bool {
    old.title != new.title || old.summary != new.summary || old.body_text != new.body_text
}

async fn save_revision(mut on: On<'_>, old: &Article, now: DateTime<Utc>) -> Result<(), StoreError> {
    on.sql(
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
    .execute(on.again())
    .await?;
    Ok(())
}
