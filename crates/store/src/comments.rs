//! The discussion: comments written, held for moderation, approved, listed; the comment count
//! kept in step with approved comments.

use chrono::{DateTime, Utc};
use newsdesk_model::{ArticleId, CommentId, CommentStatus, Email};
use serde::Serialize;
use url::Url;

use crate::db::{Dialect, On, Row};
use crate::rows::uuid;
use crate::{Store, StoreError, time};

/// Replies nest at most this deep; a reply to a comment at the deepest level is placed beside
/// it rather than under it.
pub const MAX_DEPTH: u32 = 4;

/// A comment as a reader submitted it, checked by the caller.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub article: ArticleId,
    pub parent: Option<CommentId>,
    pub author_name: String,
    pub author_email: Email,
    pub author_url: Option<Url>,
    pub body: String,
    /// A keyed hash of the sender's address, for rate limits.
    pub ip_key: String,
    /// Written by a signed-in moderator: published at once, marked as staff.
    pub staff: bool,
}

/// Why a comment was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentRefusal {
    /// No such article.
    NoArticle,
    /// The comment it replies to is not an approved comment of this article.
    NoParent,
    /// The same text was already posted under this article.
    Duplicate,
}

/// What happened to a submitted comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentOutcome {
    Stored { id: CommentId, status: CommentStatus },
    Refused(CommentRefusal),
}

/// A comment as pages show it: no email, ever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicComment {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    pub depth: u32,
    pub author_name: String,
    pub author_url: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Written by one of the site's moderators.
    pub staff: bool,
}

/// A page of an article's discussion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentPage {
    pub comments: Vec<PublicComment>,
    /// Which page this is, from 1.
    pub page: u32,
    pub pages: u32,
}

/// A comment in the moderation queue, for moderators only: with the commenter's email, which
/// no public page or feed shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldComment {
    pub comment: PublicComment,
    pub article: ArticleId,
    pub article_title: String,
    pub author_email: String,
}

/// What a moderator does with a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    Approve,
    Spam,
    Delete,
}

impl Moderation {
    /// Reads `approve`, `spam` or `delete`.
    #[must_use]
    pub fn parse(action: &str) -> Option<Self> {
        Some(match action {
            "approve" => Self::Approve,
            "spam" => Self::Spam,
            "delete" => Self::Delete,
            _ => return None,
        })
    }
}

fn status_text(s: CommentStatus) -> &'static str {
    match s {
        CommentStatus::Pending => "pending",
        CommentStatus::Approved => "approved",
        CommentStatus::Spam => "spam",
    }
}

impl Store {
    /// Stores a comment. It is approved at once when a moderator wrote it, or when the same
    /// email has an approved comment already (the WordPress rule), else held for moderation. Written with
    /// `synchronous=FULL`: the reader is told it is saved.
    ///
    /// # Errors
    /// Database errors; refusals are an [`CommentOutcome::Refused`].
    pub async fn add_comment(&self, c: NewComment) -> Result<CommentOutcome, StoreError> {
        let mut tx = self.write().await?;
        let article = c.article.to_string();
        let exists = self.sql("SELECT 1 FROM articles WHERE id = ?").bind(&article).fetch_optional(tx.on()).await?;
        if exists.is_none() {
            return Ok(CommentOutcome::Refused(CommentRefusal::NoArticle));
        }
        let (parent, depth) = match c.parent {
            None => (None, 0),
            Some(p) => {
                let row = self
                    .sql(
                        "SELECT depth, parent_id FROM comments WHERE id = ? AND article_id = ? AND status = 'approved'",
                    )
                    .bind(p.to_string())
                    .bind(&article)
                    .fetch_optional(tx.on())
                    .await?;
                let Some(row) = row else { return Ok(CommentOutcome::Refused(CommentRefusal::NoParent)) };
                let depth: i64 = row.get("depth")?;
                let depth = u32::try_from(depth).unwrap_or(0);
                if depth + 1 > MAX_DEPTH {
                    // Beside the deepest reply, under the same parent.
                    let up: Option<String> = row.get("parent_id")?;
                    (up, depth)
                } else {
                    (Some(p.to_string()), depth + 1)
                }
            }
        };
        let duplicate = self
            .sql("SELECT 1 FROM comments WHERE article_id = ? AND body = ? LIMIT 1")
            .bind(&article)
            .bind(&c.body)
            .fetch_optional(tx.on())
            .await?;
        if duplicate.is_some() {
            return Ok(CommentOutcome::Refused(CommentRefusal::Duplicate));
        }
        // Each backend's index on the email folds case its own way. Moderators' comments are
        // not a reader's history: their stored address approves nobody.
        let known = tx
            .sql(match self.dialect() {
                Dialect::Sqlite => {
                    "SELECT 1 FROM comments WHERE author_email = ? COLLATE NOCASE AND status = 'approved' AND NOT staff LIMIT 1"
                }
                Dialect::Postgres => {
                    "SELECT 1 FROM comments WHERE lower(author_email) = lower(?) AND status = 'approved' AND NOT staff LIMIT 1"
                }
            })
            .bind(c.author_email.expose())
            .fetch_optional(tx.on())
            .await?;
        let status = if c.staff || known.is_some() { CommentStatus::Approved } else { CommentStatus::Pending };
        let id = CommentId::new_v7();
        self.sql(
            "INSERT INTO comments (id, article_id, parent_id, depth, author_name, author_email, author_url, body, status, ip_key, created_at, staff) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id.to_string())
        .bind(&article)
        .bind(parent)
        .bind(i64::from(depth))
        .bind(&c.author_name)
        .bind(c.author_email.expose())
        .bind(c.author_url.as_ref().map(Url::as_str))
        .bind(&c.body)
        .bind(status_text(status))
        .bind(&c.ip_key)
        .bind(time::to_db(time::now()))
        .bind(c.staff)
        .execute(tx.on())
        .await?;
        if status == CommentStatus::Approved {
            count(tx.on(), &article, 1).await?;
        }
        tx.commit().await?;
        Ok(CommentOutcome::Stored { id, status })
    }

    /// How many comments were sent from this address key since `since`.
    ///
    /// # Errors
    /// Database errors.
    pub async fn comments_from(&self, ip_key: &str, since: DateTime<Utc>) -> Result<u32, StoreError> {
        let n: i64 = self
            .sql("SELECT count(*) FROM comments WHERE ip_key = ? AND created_at >= ?")
            .bind(ip_key)
            .bind(time::to_db(since))
            .scalar(self.pool())
            .await?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// An article's approved comments, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn approved_comments(&self, article: ArticleId) -> Result<Vec<PublicComment>, StoreError> {
        let rows = self
            .sql(
                "SELECT id, parent_id, depth, author_name, author_url, body, created_at, staff FROM comments \
             WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id LIMIT 5000",
            )
            .bind(article.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(public).collect()
    }

    /// A page of an article's discussion: `per_page` threads (a comment that answers no shown
    /// comment, with every reply under it), oldest first; without a page, the last (newest).
    /// Every comment is on some page, however many there are.
    ///
    /// # Errors
    /// Database errors.
    pub async fn approved_comment_page(
        &self,
        article: ArticleId,
        per_page: u32,
        page: Option<u32>,
    ) -> Result<CommentPage, StoreError> {
        // A thread starts at a comment whose parent is not an approved comment.
        const ROOTS: &str = "FROM comments c WHERE c.article_id = ? AND c.status = 'approved' AND NOT EXISTS \
             (SELECT 1 FROM comments p WHERE p.id = c.parent_id AND p.status = 'approved')";
        let roots: i64 =
            self.sql(format!("SELECT count(*) {ROOTS}")).bind(article.to_string()).scalar(self.here()).await?;
        let per_page = per_page.max(1);
        let pages = u32::try_from(roots).unwrap_or(u32::MAX).div_ceil(per_page).max(1);
        let page = page.unwrap_or(pages).clamp(1, pages);
        if roots == 0 {
            // Most articles: no discussion, and no need for the threads' query.
            return Ok(CommentPage { comments: Vec::new(), page, pages });
        }
        let sql = format!(
            "WITH RECURSIVE roots(id) AS (SELECT c.id {ROOTS} ORDER BY c.created_at, c.id LIMIT ? OFFSET ?), \
             thread(id) AS (SELECT id FROM roots UNION ALL \
               SELECT c.id FROM comments c JOIN thread t ON c.parent_id = t.id WHERE c.status = 'approved') \
             SELECT id, parent_id, depth, author_name, author_url, body, created_at, staff FROM comments \
             WHERE id IN (SELECT id FROM thread) ORDER BY created_at, id LIMIT 20000"
        );
        let rows = self
            .sql(sql)
            .bind(article.to_string())
            .bind(i64::from(per_page))
            .bind(i64::from(per_page) * i64::from(page - 1))
            .fetch_all(self.here())
            .await?;
        Ok(CommentPage { comments: rows.iter().map(public).collect::<Result<_, _>>()?, page, pages })
    }

    /// One approved comment of an article.
    ///
    /// # Errors
    /// Database errors.
    pub async fn approved_comment(
        &self,
        article: ArticleId,
        id: CommentId,
    ) -> Result<Option<PublicComment>, StoreError> {
        self.comment_in(article, id, CommentStatus::Approved).await
    }

    /// A comment of an article that still waits for a moderator: shown to its own writer only
    /// (the page she posted from proves it with a signed address).
    ///
    /// # Errors
    /// Database errors.
    pub async fn held_comment(&self, article: ArticleId, id: CommentId) -> Result<Option<PublicComment>, StoreError> {
        self.comment_in(article, id, CommentStatus::Pending).await
    }

    /// One comment of an article with this status.
    async fn comment_in(
        &self,
        article: ArticleId,
        id: CommentId,
        status: CommentStatus,
    ) -> Result<Option<PublicComment>, StoreError> {
        let row = self
            .sql(
                "SELECT id, parent_id, depth, author_name, author_url, body, created_at, staff FROM comments \
                 WHERE id = ? AND article_id = ? AND status = ?",
            )
            .bind(id.to_string())
            .bind(article.to_string())
            .bind(status_text(status))
            .fetch_optional(self.here())
            .await?;
        row.as_ref().map(public).transpose()
    }

    /// Up to `limit` of an article's approved comments, oldest first, from just after the
    /// position `after` (the `created_at` and id of the last one read).
    ///
    /// # Errors
    /// Database errors.
    pub async fn approved_comments_after(
        &self,
        article: ArticleId,
        after: Option<(DateTime<Utc>, CommentId)>,
        limit: u32,
    ) -> Result<Vec<PublicComment>, StoreError> {
        let (at, id) = after.map_or((String::new(), String::new()), |(at, id)| (time::to_db(at), id.to_string()));
        let rows = self
            .sql(
                "SELECT id, parent_id, depth, author_name, author_url, body, created_at, staff FROM comments \
                 WHERE article_id = ? AND status = 'approved' AND created_at >= ? AND (created_at > ? OR id > ?) \
                 ORDER BY created_at, id LIMIT ?",
            )
            .bind(article.to_string())
            .bind(&at)
            .bind(&at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(public).collect()
    }

    /// The first `limit` comments waiting for a moderator, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn held_comments(&self, limit: u32) -> Result<Vec<HeldComment>, StoreError> {
        self.held_comments_after(None, limit).await
    }

    /// Up to `limit` comments waiting for a moderator, oldest first, from just after `after`
    /// (the `created_at` and id of the last comment of the page before). A position, not an
    /// offset: comments moderated meanwhile neither shift the queue nor repeat a comment.
    ///
    /// # Errors
    /// Database errors.
    pub async fn held_comments_after(
        &self,
        after: Option<(DateTime<Utc>, CommentId)>,
        limit: u32,
    ) -> Result<Vec<HeldComment>, StoreError> {
        const COLUMNS: &str = "SELECT c.id, c.parent_id, c.depth, c.author_name, c.author_url, c.body, c.created_at, \
             c.staff, c.author_email, c.article_id, a.title AS article_title FROM comments c JOIN articles a ON a.id = c.article_id \
             WHERE c.status = 'pending'";
        let rows = match after {
            None => {
                self.sql(format!("{COLUMNS} ORDER BY c.created_at, c.id LIMIT ?"))
                    .bind(i64::from(limit))
                    .fetch_all(self.pool())
                    .await?
            }
            Some((at, id)) => {
                let at = time::to_db(at);
                self.sql(format!(
                    "{COLUMNS} AND c.created_at >= ? AND (c.created_at > ? OR c.id > ?) ORDER BY c.created_at, c.id LIMIT ?"
                ))
                .bind(&at)
                .bind(&at)
                .bind(id.to_string())
                .bind(i64::from(limit))
                .fetch_all(self.pool())
                .await?
            }
        };
        rows.iter()
            .map(|r| {
                Ok(HeldComment {
                    comment: public(r)?,
                    article: ArticleId::from_uuid(uuid(&r.get::<String>("article_id")?)?),
                    article_title: r.get("article_title")?,
                    author_email: r.get("author_email")?,
                })
            })
            .collect()
    }

    /// The article a comment is under, if the comment exists.
    ///
    /// # Errors
    /// Database errors.
    pub async fn comment_article(&self, id: CommentId) -> Result<Option<ArticleId>, StoreError> {
        let article: Option<String> = self
            .sql("SELECT article_id FROM comments WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .map(|r| r.get("article_id"))
            .transpose()?;
        article.as_deref().map(|a| uuid(a).map(ArticleId::from_uuid)).transpose()
    }

    /// How many comments wait for a moderator.
    ///
    /// # Errors
    /// Database errors.
    pub async fn held_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self.sql("SELECT count(*) FROM comments WHERE status = 'pending'").scalar(self.pool()).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Moderates each comment in turn (each change is atomic on its own); returns how many of
    /// them there were.
    ///
    /// # Errors
    /// Database errors; the comments before the failing one stay moderated.
    pub async fn moderate_all(&self, ids: &[CommentId], action: Moderation) -> Result<u32, StoreError> {
        let mut found = 0;
        for &id in ids {
            if self.moderate(id, action).await? {
                found += 1;
            }
        }
        Ok(found)
    }

    /// Approves, marks as spam or deletes a comment, keeping the article's comment count in
    /// step. Returns false when there is no such comment.
    ///
    /// # Errors
    /// Database errors.
    pub async fn moderate(&self, id: CommentId, action: Moderation) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let row = self
            .sql("SELECT article_id, status FROM comments WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(tx.on())
            .await?;
        let Some(row) = row else { return Ok(false) };
        let article: String = row.get("article_id")?;
        let was_approved = row.get::<String>("status")? == "approved";
        let now = time::to_db(time::now());
        match action {
            Moderation::Approve => {
                self.sql("UPDATE comments SET status = 'approved', moderated_at = ? WHERE id = ?")
                    .bind(&now)
                    .bind(id.to_string())
                    .execute(tx.on())
                    .await?;
                if !was_approved {
                    count(tx.on(), &article, 1).await?;
                }
            }
            Moderation::Spam => {
                self.sql("UPDATE comments SET status = 'spam', moderated_at = ? WHERE id = ?")
                    .bind(&now)
                    .bind(id.to_string())
                    .execute(tx.on())
                    .await?;
                if was_approved {
                    count(tx.on(), &article, -1).await?;
                }
            }
            Moderation::Delete => {
                // Approved replies go with it (ON DELETE CASCADE): count them first.
                let gone: i64 = self.sql(
                    "WITH RECURSIVE thread(id) AS (SELECT ? UNION ALL SELECT c.id FROM comments c JOIN thread t ON c.parent_id = t.id) \
                     SELECT count(*) FROM comments WHERE id IN (SELECT id FROM thread) AND status = 'approved'",
                )
                .bind(id.to_string())
                .scalar(tx.on())
                .await?;
                self.sql("DELETE FROM comments WHERE id = ?").bind(id.to_string()).execute(tx.on()).await?;
                count(tx.on(), &article, -gone).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Moves an article's comment counts (all, and those here), never below zero.
async fn count(mut on: On<'_>, article: &str, by: i64) -> Result<(), StoreError> {
    on.sql(
        "UPDATE articles SET comment_count = CASE WHEN comment_count + ? < 0 THEN 0 ELSE comment_count + ? END, \
         comments_here = CASE WHEN comments_here + ? < 0 THEN 0 ELSE comments_here + ? END WHERE id = ?",
    )
    .bind(by)
    .bind(by)
    .bind(by)
    .bind(by)
    .bind(article)
    .execute(on.again())
    .await?;
    Ok(())
}

fn public(row: &Row) -> Result<PublicComment, StoreError> {
    let depth: i64 = row.get("depth")?;
    Ok(PublicComment {
        id: CommentId::from_uuid(uuid(&row.get::<String>("id")?)?),
        parent: row.get::<Option<String>>("parent_id")?.as_deref().map(uuid).transpose()?.map(CommentId::from_uuid),
        depth: u32::try_from(depth).map_err(|_| StoreError::Corrupt(format!("comment depth {depth}")))?,
        author_name: row.get("author_name")?,
        author_url: row.get("author_url")?,
        body: row.get("body")?,
        created_at: time::from_db(&row.get::<String>("created_at")?)?,
        staff: row.get("staff")?,
    })
}
