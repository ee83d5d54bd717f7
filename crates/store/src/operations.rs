//! What operators need from the store: a readiness check, the queue depths `/metrics` shows,
//! and an online backup.

use std::path::Path;

use chrono::{DateTime, Utc};
use newsdesk_model::metrics::Gauges;

use crate::db::Dialect;
use crate::feeds::invalid;
use crate::{Store, StoreError, time};

impl Store {
    /// Answers when the database does: for `/readyz`.
    ///
    /// # Errors
    /// The database cannot be reached or read.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.sql("SELECT count(*) FROM schema_migrations").fetch_one(self.pool()).await?;
        Ok(())
    }

    /// The numbers `/metrics` reads from the database: feeds, feeds due at `now` (the crawl
    /// queue), comments held for moderation, articles.
    ///
    /// # Errors
    /// Database errors.
    pub async fn gauges(&self, now: DateTime<Utc>) -> Result<Gauges, StoreError> {
        let row = self
            .sql(
                "SELECT (SELECT count(*) FROM feeds) AS feeds, \
             (SELECT count(*) FROM feeds WHERE paused = FALSE AND next_poll_at <= ?) AS due, \
             (SELECT count(*) FROM comments WHERE status = 'pending') AS held, \
             (SELECT count(*) FROM articles) AS articles",
            )
            .bind(time::to_db(now))
            .fetch_one(self.pool())
            .await?;
        let n = |col: &str| -> Result<u64, StoreError> { Ok(u64::try_from(row.get::<i64>(col)?).unwrap_or(0)) };
        Ok(Gauges { feeds: n("feeds")?, feeds_due: n("due")?, comments_held: n("held")?, articles: n("articles")? })
    }

    /// Writes a consistent copy of the whole database to `target` while newsdesk keeps
    /// running (SQLite's `VACUUM INTO`: readers and writers go on; the copy is compact).
    ///
    /// # Errors
    /// [`StoreError::Invalid`] when `target` exists already (a backup never overwrites), and
    /// database errors (no space, a directory that does not exist).
    pub async fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(invalid(
                "backup",
                &format!("{} exists already; a backup never overwrites a file", target.display()),
            ));
        }
        if self.dialect() == Dialect::Postgres {
            return Err(invalid(
                "backup",
                "this database is PostgreSQL: back it up with pg_dump (pg_dump --format=custom), which is online and consistent too",
            ));
        }
        let Some(target) = target.to_str() else {
            return Err(invalid("backup", "the backup path is not valid UTF-8"));
        };
        self.sql("VACUUM INTO ?").bind(target).execute(self.pool()).await?;
        Ok(())
    }
}
