//! Articles: upsert, read one, list recent, walk all (for export).

use crate::db::{On, Query};
use crate::rows::{self, ARTICLE_COLUMNS, CARD_COLUMNS};
use crate::{Store, StoreError, time};
use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleId, ArticleUpsert, ValidationError, paragraphs_to_html};
use serde::Serialize;

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpsertOutcome {
    /// A new article was stored.
    Created(ArticleId),
    /// An article with this id existed and changed.
    Updated(ArticleId),
    /// An article with this id existed with exactly this content; nothing was written.
    Unchanged(ArticleId),
}

impl UpsertOutcome {
    /// The article's id.
    #[must_use]
    pub fn id(&self) -> ArticleId {
        match *self {
            Self::Created(id) | Self::Updated(id) | Self::Unchanged(id) => id,
        }
    }
}

/// What lists show of an article: no body. The API uses this one shape for every list of
/// articles (the article list, search hits, timelines, outlets' and entities' articles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleCard {
    pub id: ArticleId,
    pub title: String,
    pub summary: String,
    pub byline: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub original_domain: Option<String>,
    /// Comments approved here plus those an imported article's previous site showed.
    pub comment_count: u32,
    /// Comments approved here: the ones readers can read.
    pub comments_here: u32,
    /// Published time, else when newsdesk stored it.
    pub sort_at: DateTime<Utc>,
    /// The outlet gave no title: `title` is its first words.
    pub title_derived: bool,
    /// The article on its outlet's site.
    pub url: Option<String>,
    /// Its lead image on the outlet's site (pages show it through the image proxy).
    pub image_url: Option<String>,
    /// A language tag such as `en` or `pt-BR`.
    pub language: Option<String>,
    /// Who published it.
    pub outlet: Option<Outlet>,
}

impl ArticleCard {
    /// The card of a whole article, credited to `outlet`.
    #[must_use]
    pub fn of(a: &Article, outlet: Option<Outlet>) -> Self {
        Self {
            id: a.id,
            title: a.title.clone(),
            summary: a.summary.clone(),
            byline: a.byline.clone(),
            published_at: a.published_at,
            original_domain: a.original_domain.clone(),
            comment_count: a.comment_count,
            comments_here: a.comments_here,
            sort_at: sort_at(a),
            title_derived: a.title_derived,
            url: a.url.as_ref().map(ToString::to_string),
            image_url: a.image_url.as_ref().map(ToString::to_string),
            language: a.language.clone(),
            outlet,
        }
    }
}

/// The outlet an article is credited to: the source whose feed brought it, else the site an
/// imported article names as its original source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outlet {
    pub name: String,
    /// The outlet's domain, the key of its page (`/sources/{domain}`).
    pub domain: String,
}

impl Outlet {
    /// From a source's name and domain, else an original source's host.
    #[must_use]
    pub fn of(name: Option<String>, domain: Option<String>, original_domain: Option<String>) -> Option<Self> {
        match (name, domain) {
            (Some(name), Some(domain)) => Some(Self { name, domain }),
            _ => original_domain.map(|host| {
                let domain = host.trim_start_matches("www.").to_owned();
                Self { name: domain.clone(), domain }
            }),
        }
    }
}

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many there are in all.
    pub total: u64,
    pub offset: u64,
    pub limit: u32,
}

impl<T> Page<T> {
    /// True when there are items after this page.
    #[must_use]
    pub fn has_more(&self) -> bool {
        self.offset + (self.items.len() as u64) < self.total
    }
}

impl Store {
    /// Stores an article, or updates the stored article with the same id. See
    /// [`ArticleUpsert`] for which fields replace and which keep stored values.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] when a field breaks a rule; database errors otherwise. On any
    /// error nothing is written.
    pub async fn upsert_article(&self, upsert: ArticleUpsert) -> Result<UpsertOutcome, StoreError> {
        let mut outcomes = self.upsert_articles(vec![upsert]).await?;
        match outcomes.pop() {
            Some(Ok(outcome)) => Ok(outcome),
            Some(Err(invalid)) => Err(StoreError::Invalid(invalid)),
            None => Err(StoreError::Corrupt("an upsert of one article gave no outcome".into())),
        }
    }

    /// Upserts many articles in one transaction (one disk sync for the batch), each as
    /// [`Store::upsert_article`] would. An invalid article is reported in its place and the
    /// others are still written; a database error writes none of them.
    ///
    /// # Errors
    /// Database errors.
    pub async fn upsert_articles(
        &self,
        upserts: Vec<ArticleUpsert>,
    ) -> Result<Vec<Result<UpsertOutcome, ValidationError>>, StoreError> {
        let checked: Vec<_> = upserts.into_iter().map(ArticleUpsert::validated).collect();
        if checked.iter().all(Result::is_err) {
            // Nothing to write: every item is invalid.
            return Ok(checked.into_iter().filter_map(Result::err).map(Err).collect());
        }
        let mut tx = self.write().await?;
        let now = time::now();
        let mut outcomes = Vec::with_capacity(checked.len());
        for item in checked {
            let upsert = match item {
                Ok(u) => u,
                Err(invalid) => {
                    outcomes.push(Err(invalid));
                    continue;
                }
            };
            let id = upsert.id.unwrap_or_else(ArticleId::new_v7);
            let outcome = match select_article(tx.on(), id).await? {
                None => {
                    write_article(tx.on(), &merge(id, upsert, None, now), true).await?;
                    UpsertOutcome::Created(id)
                }
                Some(old) => {
                    let merged = merge(id, upsert, Some(&old), now);
                    if (Article { modified_at: old.modified_at, ..merged.clone() }) == old {
                        UpsertOutcome::Unchanged(id)
                    } else {
                        write_article(tx.on(), &merged, false).await?;
                        UpsertOutcome::Updated(id)
                    }
                }
            };
            outcomes.push(Ok(outcome));
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    /// One article, or `None` when there is none with this id.
    ///
    /// # Errors
    /// Database errors.
    pub async fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        select_article(self.here(), id).await
    }

    /// The most recent articles first (by published time, else stored time).
    ///
    /// # Errors
    /// Database errors.
    pub async fn recent_articles(&self, offset: u64, limit: u32) -> Result<Page<ArticleCard>, StoreError> {
        let sql = format!("SELECT {CARD_COLUMNS} FROM articles a ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?");
        let rows = self.sql(sql).bind_page(limit, offset).fetch_all(self.pool()).await?;
        let items = rows.iter().map(rows::card).collect::<Result<Vec<_>, _>>()?;
        let total = self.count_articles().await?;
        Ok(Page { items, total, offset, limit })
    }

    /// The most recent whole articles, newest first (by published time, else stored time), in
    /// one query: for feeds that carry full articles.
    ///
    /// # Errors
    /// Database errors.
    pub async fn recent_full_articles(&self, limit: u32) -> Result<Vec<Article>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY sort_at DESC, id DESC LIMIT ?");
        let rows = self.sql(sql).bind(i64::from(limit)).fetch_all(self.pool()).await?;
        rows.iter().map(rows::article).collect()
    }

    /// How many articles are stored.
    ///
    /// # Errors
    /// Database errors.
    pub async fn count_articles(&self) -> Result<u64, StoreError> {
        let n: i64 = self.sql("SELECT count(*) FROM articles").scalar(self.pool()).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Up to `limit` whole articles with ids after `after`, in id order: call again with the
    /// last id to walk every article in bounded memory.
    ///
    /// # Errors
    /// Database errors.
    pub async fn articles_after(&self, after: Option<ArticleId>, limit: u32) -> Result<Vec<Article>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?");
        let after = after.map(|id| id.to_string()).unwrap_or_default();
        let rows = self.sql(sql).bind(after).bind(i64::from(limit)).fetch_all(self.pool()).await?;
        rows.iter().map(rows::article).collect()
    }

    /// Articles stored or changed at `since` or later, in the order they changed (then by id),
    /// from just after the position `after` (the `modified_at` and id of the last one read).
    ///
    /// # Errors
    /// Database errors.
    pub async fn articles_changed_since(
        &self,
        since: DateTime<Utc>,
        after: Option<(DateTime<Utc>, ArticleId)>,
        limit: u32,
    ) -> Result<Vec<Article>, StoreError> {
        let (from, id) = match after {
            Some((at, id)) if at >= since => (time::to_db(at), id.to_string()),
            _ => (time::to_db(since), String::new()),
        };
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE modified_at >= ? AND (modified_at > ? OR id > ?) \
             ORDER BY modified_at, id LIMIT ?"
        );
        let rows = self.sql(sql).bind(&from).bind(&from).bind(id).bind(i64::from(limit)).fetch_all(self.pool()).await?;
        rows.iter().map(rows::article).collect()
    }
}

/// The article an upsert leaves: required fields from the upsert, optional ones from the
/// upsert when given, else from what was stored.
pub(crate) fn merge(id: ArticleId, u: ArticleUpsert, old: Option<&Article>, now: DateTime<Utc>) -> Article {
    let keep = |new: Option<String>, old: Option<&String>| new.or_else(|| old.cloned());
    let body_html = u.body_html.unwrap_or_else(|| paragraphs_to_html(&u.body_text));
    Article {
        id,
        title: u.title,
        title_derived: u.title_derived,
        summary: u.summary,
        feed_summary: keep(u.feed_summary, old.and_then(|o| o.feed_summary.as_ref())),
        body_text: u.body_text,
        body_html,
        byline: keep(u.byline, old.and_then(|o| o.byline.as_ref())),
        published_at: u.published_at.map(time::truncate).or(old.and_then(|o| o.published_at)),
        updated_at: u.updated_at.map(time::truncate).or(old.and_then(|o| o.updated_at)),
        language: keep(u.language, old.and_then(|o| o.language.as_ref())),
        url: u.url.or_else(|| old.and_then(|o| o.url.clone())),
        original_url: u.original_url.or_else(|| old.and_then(|o| o.original_url.clone())),
        original_domain: keep(u.original_domain, old.and_then(|o| o.original_domain.as_ref())),
        image_url: u.image_url.or_else(|| old.and_then(|o| o.image_url.clone())),
        comment_count: u.comment_count,
        // Kept by moderation alone: an import carries the old site's count, not these.
        comments_here: old.map_or(0, |o| o.comments_here),
        source_id: u.source_id.or(old.and_then(|o| o.source_id)),
        feed_id: u.feed_id.or(old.and_then(|o| o.feed_id)),
        created_at: old.map_or(now, |o| o.created_at),
        modified_at: now,
    }
}

pub(crate) async fn select_article(on: On<'_>, id: ArticleId) -> Result<Option<Article>, StoreError> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?");
    let row = on.sql(sql).bind(id.to_string()).fetch_optional(on).await?;
    row.as_ref().map(rows::article).transpose()
}

/// The columns of an article row, in the order [`bind_article`] binds them.
pub(crate) const ARTICLE_INSERT_COLUMNS: &str = "title, summary, body_text, body_html, byline, published_at, updated_at, language, url, \
     original_url, original_domain, comment_count, source_id, feed_id, created_at, modified_at, sort_at, feed_summary, \
     title_derived, image_url, unspaced, id";

/// When an article is listed: its publication, else when newsdesk first stored it.
fn sort_at(a: &Article) -> DateTime<Utc> {
    a.published_at.unwrap_or(a.created_at)
}

/// What the search index reads of an article's words written without spaces (see migration
/// 0025): the characters of its title, summary and text, one by one.
pub(crate) fn unspaced(a: &Article) -> String {
    unspaced_of(&a.title, &a.summary, &a.body_text)
}

fn unspaced_of(title: &str, summary: &str, body_text: &str) -> String {
    let mut out = newsdesk_model::unspaced_terms(title);
    for text in [summary, body_text] {
        let terms = newsdesk_model::unspaced_terms(text);
        if !terms.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&terms);
        }
    }
    out
}

impl Store {
    /// Writes the words without spaces of the articles stored before newsdesk indexed them
    /// (migration 0025 left those articles' `unspaced` NULL, an index lists them), a batch
    /// per transaction; returns how many. Run when the store opens: a database that has none
    /// left answers at once.
    pub(crate) async fn fill_unspaced(&self) -> Result<u64, StoreError> {
        const BATCH: i64 = 200;
        // Looked for with a read first: opening a database that has none left (every one after
        // the first) takes no write lock, which another process may be holding.
        let pending =
            self.sql("SELECT 1 FROM articles WHERE unspaced IS NULL LIMIT 1").fetch_optional(self.pool()).await?;
        if pending.is_none() {
            return Ok(0);
        }
        let mut filled = 0;
        loop {
            let mut tx = self.write().await?;
            let rows = self
                .sql("SELECT seq, title, summary, body_text FROM articles WHERE unspaced IS NULL ORDER BY seq LIMIT ?")
                .bind(BATCH)
                .fetch_all(tx.on())
                .await?;
            for row in &rows {
                let seq: i64 = row.get("seq")?;
                let terms = unspaced_of(
                    &row.get::<String>("title")?,
                    &row.get::<String>("summary")?,
                    &row.get::<String>("body_text")?,
                );
                self.sql("UPDATE articles SET unspaced = ? WHERE seq = ?")
                    .bind(terms)
                    .bind(seq)
                    .execute(tx.on())
                    .await?;
            }
            tx.commit().await?;
            filled += rows.len() as u64;
            if (rows.len() as i64) < BATCH {
                return Ok(filled);
            }
        }
    }
}

/// Binds an article's values in the order of [`ARTICLE_INSERT_COLUMNS`].
pub(crate) fn bind_article(query: Query, a: &Article) -> Query {
    let sort_at = sort_at(a);
    query
        .bind(a.title.clone())
        .bind(a.summary.clone())
        .bind(a.body_text.clone())
        .bind(a.body_html.as_str().to_owned())
        .bind(a.byline.clone())
        .bind(a.published_at.map(time::to_db))
        .bind(a.updated_at.map(time::to_db))
        .bind(a.language.clone())
        .bind(a.url.as_ref().map(|u| u.as_str().to_owned()))
        .bind(a.original_url.as_ref().map(|u| u.as_str().to_owned()))
        .bind(a.original_domain.clone())
        .bind(i64::from(a.comment_count))
        .bind(a.source_id.map(|s| s.to_string()))
        .bind(a.feed_id.map(|f| f.to_string()))
        .bind(time::to_db(a.created_at))
        .bind(time::to_db(a.modified_at))
        .bind(time::to_db(sort_at))
        .bind(a.feed_summary.clone())
        .bind(a.title_derived)
        .bind(a.image_url.as_ref().map(|u| u.as_str().to_owned()))
        .bind(unspaced(a))
        .bind(a.id.to_string())
}

pub(crate) async fn write_article(mut on: On<'_>, a: &Article, insert: bool) -> Result<(), StoreError> {
    let sql = if insert {
        format!(
            "INSERT INTO articles ({ARTICLE_INSERT_COLUMNS}) VALUES ({})",
            vec!["?"; ARTICLE_INSERT_COLUMNS.split(',').count()].join(", ")
        )
    } else {
        "UPDATE articles SET title = ?, summary = ?, body_text = ?, body_html = ?, byline = ?, published_at = ?, \
         updated_at = ?, language = ?, url = ?, original_url = ?, original_domain = ?, comment_count = ?, source_id = ?, \
         feed_id = ?, created_at = ?, modified_at = ?, sort_at = ?, feed_summary = ?, title_derived = ?, image_url = ?, unspaced = ? WHERE id = ?"
            .to_owned()
    };
    let changed = bind_article(on.sql(sql), a).execute(on.again()).await?;
    if changed != 1 {
        return Err(StoreError::Corrupt(format!("writing article {} touched {changed} rows", a.id)));
    }
    if !insert {
        // Its entities' mentions are listed by the article's time (a new article has none yet).
        let at = time::to_db(sort_at(a));
        on.sql("UPDATE article_entities SET sort_at = ? WHERE article_id = ? AND sort_at <> ?")
            .bind(at.as_str())
            .bind(a.id.to_string())
            .bind(at.as_str())
            .execute(on)
            .await?;
    }
    Ok(())
}
