//! Feeds: following, listing, pausing, and the polling state the scheduler reads and writes.

use chrono::{DateTime, Utc};
use newsdesk_model::{Feed, FeedId, FeedStatus, FullText, SourceId};
use url::Url;

use crate::db::{Dialect, Row};
use crate::{OutletNaming, Store, StoreError, rows, time};

const FEED_COLUMNS: &str = "id, source_id, url, title, site_url, paused, etag, last_modified, last_polled_at, \
     next_poll_at, last_status, last_error, error_count, item_count, poll_interval_secs, full_text, created_at";

/// A feed to follow.
#[derive(Debug, Clone, Default)]
pub struct NewFeed {
    pub url: Option<Url>,
    pub title: Option<String>,
    pub site_url: Option<Url>,
    /// The site's own name, when its home page said it (`og:site_name` and the like).
    pub site_name: Option<String>,
}

/// What one poll found, for the feed's status.
#[derive(Debug, Clone)]
pub struct PollRecord {
    pub status: FeedStatus,
    /// The error in words, for `FeedStatus::Error`.
    pub error: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The feed moved permanently here.
    pub moved_to: Option<Url>,
    pub title: Option<String>,
    pub site_url: Option<Url>,
    pub polled_at: DateTime<Utc>,
    pub next_poll_at: DateTime<Utc>,
    /// The interval chosen, kept for the next poll that learns nothing new (a 304).
    pub interval_secs: Option<u32>,
}

impl Store {
    /// Follows a feed, under the source of its site's (else its own) registrable domain.
    ///
    /// # Errors
    /// [`StoreError::FeedExists`] when the URL is already followed; [`StoreError::Invalid`]
    /// for a URL without a host.
    pub async fn add_feed(&self, new: NewFeed) -> Result<Feed, StoreError> {
        let url = new.url.clone().ok_or_else(|| invalid("url", "is missing"))?;
        if let Some(existing) = self.feed_by_url(url.as_str()).await? {
            return Err(StoreError::FeedExists { url: url.to_string(), id: existing.id.to_string() });
        }
        let homepage = new.site_url.clone().unwrap_or_else(|| {
            let mut home = url.clone();
            home.set_path("/");
            home.set_query(None);
            home
        });
        let source = self.source_for_feed(&new, &homepage).await?;
        let id = FeedId::new_v7();
        let now = time::now();
        self.sql(
            "INSERT INTO feeds (id, source_id, url, title, site_url, created_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id.to_string())
        .bind(source.id.to_string())
        .bind(url.as_str())
        .bind(new.title.as_deref().map(str::trim).filter(|t| !t.is_empty()))
        .bind(new.site_url.as_ref().map(Url::as_str))
        .bind(time::to_db(now))
        .bind(time::to_db(now))
        .execute(self.pool())
        .await?;
        self.feed(id).await?.ok_or_else(|| StoreError::Corrupt(format!("feed {id} vanished after insert")))
    }

    /// The outlet a new feed belongs to, named after the site: its own name when known, else
    /// the part of the feed's title that spells its domain, else the part this feed's title
    /// shares with another feed of the same outlet, else the domain. A section ("World") never
    /// names the outlet.
    async fn source_for_feed(&self, new: &NewFeed, homepage: &Url) -> Result<newsdesk_model::Source, StoreError> {
        let domain = crate::sources::outlet_domain(homepage)?;
        let title = new.title.as_deref().map(str::trim).unwrap_or_default();
        let (name, naming) = match (new.site_name.as_deref().map(str::trim).filter(|n| !n.is_empty()), title) {
            (Some(site), _) => (
                newsdesk_model::outlet_name_from_title(site, &domain).unwrap_or_else(|| site.to_owned()),
                OutletNaming::Site,
            ),
            (None, "") => (String::new(), OutletNaming::Domain),
            (None, title) => match newsdesk_model::outlet_name_from_title(title, &domain) {
                Some(name) => (name, OutletNaming::Feed),
                None => (String::new(), OutletNaming::Domain),
            },
        };
        let source = self.ensure_source(&name, naming, homepage).await?;
        if naming < OutletNaming::Site && !title.is_empty() {
            let others = self
                .sql("SELECT title FROM feeds WHERE source_id = ? AND title IS NOT NULL LIMIT 50")
                .bind(source.id.to_string())
                .fetch_all(self.pool())
                .await?;
            for row in &others {
                let other: String = row.get("title")?;
                if let Some(shared) = newsdesk_model::shared_title_part(title, &other) {
                    if self.name_source(&source.domain, &shared, OutletNaming::SharedByFeeds).await? {
                        return self
                            .source_by_domain(&source.domain)
                            .await?
                            .ok_or_else(|| StoreError::Corrupt(format!("source {} vanished", source.domain)));
                    }
                    break;
                }
            }
        }
        Ok(source)
    }

    /// One feed.
    ///
    /// # Errors
    /// Database errors.
    pub async fn feed(&self, id: FeedId) -> Result<Option<Feed>, StoreError> {
        self.feed_where("id = ?", &id.to_string()).await
    }

    /// The feed followed at this URL.
    ///
    /// # Errors
    /// Database errors.
    pub async fn feed_by_url(&self, url: &str) -> Result<Option<Feed>, StoreError> {
        self.feed_where("url = ?", url).await
    }

    /// A feed by its id or its URL, as a user types either.
    ///
    /// # Errors
    /// Database errors.
    pub async fn find_feed(&self, id_or_url: &str) -> Result<Option<Feed>, StoreError> {
        match id_or_url.trim().parse::<FeedId>() {
            Ok(id) => self.feed(id).await,
            Err(_) => self.feed_by_url(id_or_url.trim()).await,
        }
    }

    async fn feed_where(&self, condition: &str, value: &str) -> Result<Option<Feed>, StoreError> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM feeds WHERE {condition}");
        let row = self.sql(sql).bind(value).fetch_optional(self.pool()).await?;
        row.as_ref().map(feed).transpose()
    }

    /// Every feed, by URL.
    ///
    /// # Errors
    /// Database errors.
    pub async fn feeds(&self) -> Result<Vec<Feed>, StoreError> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY url");
        let rows = self.sql(sql).fetch_all(self.pool()).await?;
        rows.iter().map(feed).collect()
    }

    /// Feeds to poll now: not paused and due by `now` (or every unpaused feed with `all`),
    /// the longest overdue first.
    ///
    /// # Errors
    /// Database errors.
    pub async fn due_feeds(&self, now: DateTime<Utc>, all: bool, limit: u32) -> Result<Vec<Feed>, StoreError> {
        let sql = format!(
            "SELECT {FEED_COLUMNS} FROM feeds WHERE paused = FALSE AND (? OR next_poll_at <= ?) ORDER BY next_poll_at, id LIMIT ?"
        );
        let rows = self.sql(sql).bind(all).bind(time::to_db(now)).bind(i64::from(limit)).fetch_all(self.pool()).await?;
        rows.iter().map(feed).collect()
    }

    /// Leases up to `limit` feeds to `owner` until `now + lease` and returns them, the longest
    /// overdue first: feeds not paused, not leased to anyone (or whose lease has ended), and
    /// due by `now` (or, with `polled_before`, not polled since then: `crawl --all`). Taken
    /// in one write transaction, so two processes never get the same feed; a poll's record
    /// ([`Store::record_poll`]) ends its lease.
    ///
    /// # Errors
    /// Database errors.
    pub async fn claim_feeds(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        lease: std::time::Duration,
        polled_before: Option<DateTime<Utc>>,
        limit: u32,
    ) -> Result<Vec<Feed>, StoreError> {
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(10));
        // SQLite's write transaction is the only writer; PostgreSQL's claimants skip the rows
        // another one is taking.
        let mut tx = self.write_rows().await?;
        let skip = match self.dialect() {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
        };
        let sql = format!(
            "UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN (\
               SELECT id FROM feeds WHERE paused = FALSE \
               AND (lease_until IS NULL OR lease_until <= ?) \
               AND (CASE WHEN ? THEN last_polled_at IS NULL OR last_polled_at < ? ELSE next_poll_at <= ? END) \
               ORDER BY next_poll_at, id LIMIT ?{skip}) \
             RETURNING {FEED_COLUMNS}"
        );
        let rows = self
            .sql(sql)
            .bind(owner)
            .bind(time::to_db(until))
            .bind(time::to_db(now))
            .bind(polled_before.is_some())
            .bind(polled_before.map(time::to_db))
            .bind(time::to_db(now))
            .bind(i64::from(limit))
            .fetch_all(tx.on())
            .await?;
        tx.commit().await?;
        let mut feeds = rows.iter().map(feed).collect::<Result<Vec<_>, _>>()?;
        feeds.sort_by_key(|f| (f.next_poll_at, f.id.to_string()));
        Ok(feeds)
    }

    /// When the next feed is due (or a lease on a due feed ends), if any is.
    ///
    /// # Errors
    /// Database errors.
    pub async fn next_due_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        // A leased feed is due again when its lease ends, if it is still due then.
        let next: Option<String> = self
            .sql(
                "SELECT min(CASE WHEN lease_until > next_poll_at THEN lease_until ELSE next_poll_at END) \
                 FROM feeds WHERE paused = FALSE",
            )
            .scalar(self.pool())
            .await?;
        next.as_deref().map(time::from_db).transpose()
    }

    /// Stops or resumes polling a feed. Returns false when there is no such feed.
    ///
    /// # Errors
    /// Database errors.
    pub async fn set_feed_paused(&self, id: FeedId, paused: bool) -> Result<bool, StoreError> {
        let done = self
            .sql("UPDATE feeds SET paused = ?, next_poll_at = CASE WHEN ? THEN next_poll_at ELSE ? END WHERE id = ?")
            .bind(paused)
            .bind(paused)
            .bind(time::to_db(time::now()))
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done == 1)
    }

    /// Renames a feed (what the admin pages and `feeds list` call it), cleaned as outlet
    /// names are (one line, at most 200 characters). Polls fill a title only where there is
    /// none, so the operator's name stays. Returns false when there is no such
    /// feed.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for a name with nothing in it or with a NUL character;
    /// database errors.
    pub async fn rename_feed(&self, id: FeedId, title: &str) -> Result<bool, StoreError> {
        let title = crate::sources::clean_name(title);
        if title.contains('\0') {
            return Err(invalid("name", "cannot hold a NUL character"));
        }
        if title.is_empty() {
            return Err(invalid("name", "cannot be empty: a feed needs a name"));
        }
        let done = self
            .sql("UPDATE feeds SET title = ? WHERE id = ?")
            .bind(&title)
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done == 1)
    }

    /// Sets whether the feed's article pages are fetched for their full text. Returns false
    /// when there is no such feed.
    ///
    /// # Errors
    /// Database errors.
    pub async fn set_feed_full_text(&self, id: FeedId, mode: FullText) -> Result<bool, StoreError> {
        let done = self
            .sql("UPDATE feeds SET full_text = ? WHERE id = ?")
            .bind(mode.as_str())
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done == 1)
    }

    /// Stops following a feed. Its articles stay; they no longer name the feed.
    ///
    /// # Errors
    /// Database errors.
    pub async fn remove_feed(&self, id: FeedId) -> Result<bool, StoreError> {
        let done = self.sql("DELETE FROM feeds WHERE id = ?").bind(id.to_string()).execute(self.pool()).await?;
        Ok(done == 1)
    }

    /// Records how a poll went and when to poll next. It goes through the ingestion
    /// connection, after the poll's entries, so its validators are never more durable than
    /// the entries they stand for.
    ///
    /// # Errors
    /// Database errors.
    pub async fn record_poll(&self, id: FeedId, record: PollRecord) -> Result<(), StoreError> {
        let failed = record.status == FeedStatus::Error;
        let mut tx = self.write_rows().await?;
        self.sql(
            "UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, last_status = ?, last_error = ?, \
             error_count = CASE WHEN ? THEN error_count + 1 ELSE 0 END, \
             etag = CASE WHEN ? THEN etag ELSE ? END, last_modified = CASE WHEN ? THEN last_modified ELSE ? END, \
             title = coalesce(title, ?), site_url = coalesce(site_url, ?), \
             poll_interval_secs = coalesce(?, poll_interval_secs), lease_owner = NULL, lease_until = NULL \
             WHERE id = ?",
        )
        .bind(time::to_db(record.polled_at))
        .bind(time::to_db(record.next_poll_at))
        .bind(record.status.as_str())
        .bind(record.error.as_deref())
        .bind(failed)
        .bind(failed)
        .bind(record.etag.as_deref())
        .bind(failed)
        .bind(record.last_modified.as_deref())
        .bind(record.title.as_deref())
        .bind(record.site_url.as_ref().map(Url::as_str))
        .bind(record.interval_secs.map(i64::from))
        .bind(id.to_string())
        .execute(tx.on())
        .await?;
        if let Some(moved) = &record.moved_to {
            // A feed already followed at the new address keeps it; this one stays put.
            self.sql("UPDATE feeds SET url = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)")
                .bind(moved.as_str())
                .bind(id.to_string())
                .bind(moved.as_str())
                .execute(tx.on())
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) fn invalid(field: &'static str, problem: &str) -> StoreError {
    StoreError::Invalid(newsdesk_model::ValidationError { field, problem: problem.to_owned() })
}

fn feed(row: &Row) -> Result<Feed, StoreError> {
    let url: String = row.get("url")?;
    let status: String = row.get("last_status")?;
    let next: String = row.get("next_poll_at")?;
    Ok(Feed {
        id: FeedId::from_uuid(rows::uuid(&row.get::<String>("id")?)?),
        source_id: SourceId::from_uuid(rows::uuid(&row.get::<String>("source_id")?)?),
        url: Url::parse(&url).map_err(|e| StoreError::Corrupt(format!("feed url `{url}`: {e}")))?,
        title: row.get("title")?,
        site_url: rows::opt_url(row, "site_url")?,
        paused: row.get("paused")?,
        etag: row.get("etag")?,
        last_modified: row.get("last_modified")?,
        last_polled_at: row.get::<Option<String>>("last_polled_at")?.as_deref().map(time::from_db).transpose()?,
        next_poll_at: if next.is_empty() { time::now() } else { time::from_db(&next)? },
        last_status: FeedStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("feed status `{status}`")))?,
        last_error: row.get("last_error")?,
        error_count: u32::try_from(row.get::<i64>("error_count")?).unwrap_or(u32::MAX),
        item_count: u64::try_from(row.get::<i64>("item_count")?).unwrap_or(0),
        poll_interval_secs: u32::try_from(row.get::<i64>("poll_interval_secs")?).unwrap_or(3600),
        full_text: {
            let mode: String = row.get("full_text")?;
            FullText::parse(&mode).ok_or_else(|| StoreError::Corrupt(format!("feed full_text `{mode}`")))?
        },
        created_at: time::from_db(&row.get::<String>("created_at")?)?,
    })
}
