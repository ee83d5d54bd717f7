//! Opening a database: where it is, how SQLite is set up, migrations on open.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use std::borrow::Cow;

use sqlx::SqlitePool;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::StoreError;
use crate::db::{Dialect, On, Query, Tx};
use crate::migrate;
use crate::readers::Readers;

/// How to open the store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Connections in the pool. SQLite in WAL mode serves many readers and one writer.
    pub max_connections: u32,
    /// How long a writer waits for another writer before failing.
    pub busy_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self { max_connections: 8, busy_timeout: Duration::from_secs(10) }
    }
}

/// Pages of WAL after which a commit also checkpoints (see `open_sqlite`).
const WAL_AUTOCHECKPOINT_PAGES: &str = "16000";

/// The article store. Cheap to clone; clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) backend: Backend,
    /// Write transactions of this process queue here instead of in SQLite's busy handler,
    /// which sleeps between retries and so wastes time under contention.
    pub(crate) writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, Clone)]
pub(crate) enum Backend {
    /// The main pool (`synchronous=FULL`), and one connection for feed ingestion
    /// (`synchronous=NORMAL`, see ARCHITECTURE.md "Durability").
    /// And read-only connections for quick reads on the calling thread (see `readers.rs`).
    Sqlite(SqlitePool, SqlitePool, std::sync::Arc<Readers>),
    /// One pool: PostgreSQL syncs every commit, and every process shares it.
    Postgres(PgPool),
}

impl Store {
    /// Opens (creating it if needed) the database at `location` and brings its schema up to
    /// date. `location` is a file path, a `sqlite:` URL, or a `postgres://` URL.
    ///
    /// # Errors
    /// [`StoreError::UnsupportedLocation`] for other URLs, [`StoreError::Open`] when the file
    /// cannot be opened or created, and the migration errors of [`StoreError`].
    pub async fn open(location: &str, options: &StoreOptions) -> Result<Self, StoreError> {
        let location = location.trim();
        let store = if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Self::open_postgres(location, options).await?
        } else {
            Self::open_sqlite(location, options).await?
        };
        let filled = store.fill_unspaced().await?;
        if filled > 0 {
            tracing::info!(articles = filled, "indexed the words without spaces of articles stored before");
        }
        Ok(store)
    }

    async fn open_sqlite(location: &str, options: &StoreOptions) -> Result<Self, StoreError> {
        let path = sqlite_path(location)?;
        let connect = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|source| StoreError::Open { location: location.to_owned(), source })?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: what a user submitted and was told is saved survives a power cut too.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(options.busy_timeout)
            // A checkpoint copies the WAL's pages into the database file. At SQLite's default
            // (every 1,000 pages) a crawl's busy pages (index leaves, FTS segments) are copied
            // over and over; every 16,000 pages (64 MiB of WAL) each is copied about once per
            // checkpoint. Durability is the same: a commit is as safe in the WAL as in the file.
            .pragma("wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES);
        let pool = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .connect_with(connect.clone())
            .await
            .map_err(|source| StoreError::Open { location: path.display().to_string(), source })?;
        migrate::run_sqlite(&pool).await?;
        // Feed entries can always be fetched again: in WAL mode NORMAL keeps the database
        // consistent through a power cut and can lose only the last transactions, whose feed
        // validators roll back with them, so the next poll fetches those entries again.
        let ingest = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(connect.synchronous(SqliteSynchronous::Normal))
            .await
            .map_err(|source| StoreError::Open { location: path.display().to_string(), source })?;
        let readers = Readers::new(path.clone(), options.busy_timeout);
        Ok(Self {
            backend: Backend::Sqlite(pool, ingest, readers),
            writer: std::sync::Arc::new(tokio::sync::Mutex::new(())),
        })
    }

    async fn open_postgres(url: &str, options: &StoreOptions) -> Result<Self, StoreError> {
        let shown = newsdesk_model::redact_password(url);
        let connect =
            PgConnectOptions::from_str(url).map_err(|source| StoreError::Open { location: shown.clone(), source })?;
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections.max(2))
            .acquire_timeout(options.busy_timeout)
            .connect_with(connect)
            .await
            .map_err(|source| StoreError::Open { location: shown, source })?;
        migrate::run_postgres(&pool).await?;
        Ok(Self { backend: Backend::Postgres(pool), writer: std::sync::Arc::new(tokio::sync::Mutex::new(())) })
    }

    /// Closes every connection, waiting for queries under way.
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(pool, ingest, readers) => {
                readers.close();
                ingest.close().await;
                pool.close().await;
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }

    /// Which database this store is on: `sqlite` or `postgres`.
    #[must_use]
    pub fn backend_name(&self) -> &'static str {
        match self.dialect() {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self.backend {
            Backend::Sqlite(..) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The pool for reads and single-statement writes.
    pub(crate) fn pool(&self) -> On<'_> {
        match &self.backend {
            Backend::Sqlite(pool, ..) => On::SqlitePool(pool),
            Backend::Postgres(pool) => On::PgPool(pool),
        }
    }

    /// Where quick reads for pages run: on SQLite, the calling thread's read-only connections;
    /// on PostgreSQL, the pool.
    pub(crate) fn here(&self) -> On<'_> {
        match &self.backend {
            Backend::Sqlite(_, _, readers) => On::SqliteHere(readers),
            Backend::Postgres(pool) => On::PgPool(pool),
        }
    }

    /// Runs `fut` with its quick reads (the ones a page makes) in one read transaction on
    /// SQLite, so that they see one moment of the database; on PostgreSQL, as it is.
    pub async fn reading_together<F: std::future::Future>(&self, fut: F) -> F::Output {
        match &self.backend {
            Backend::Sqlite(_, _, readers) => readers.together(fut).await,
            Backend::Postgres(_) => fut.await,
        }
    }

    /// A query in this store's dialect.
    pub(crate) fn sql(&self, sql: impl Into<Cow<'static, str>>) -> Query {
        Query::new(self.dialect(), sql)
    }

    /// A write transaction that sees what no other writer changes until it ends.
    pub(crate) async fn write(&self) -> Result<Tx, StoreError> {
        let writing = self.writer.clone().lock_owned().await;
        match &self.backend {
            Backend::Sqlite(pool, ..) => Tx::sqlite(pool, writing).await,
            Backend::Postgres(pool) => Tx::postgres(pool, Some(writing)).await,
        }
    }

    /// [`Store::write`] for data that can be fetched or derived again: on SQLite it goes
    /// through the ingestion connection (see ARCHITECTURE.md "Durability").
    pub(crate) async fn write_ingest(&self) -> Result<Tx, StoreError> {
        let writing = self.writer.clone().lock_owned().await;
        match &self.backend {
            Backend::Sqlite(_, ingest, _) => Tx::sqlite(ingest, writing).await,
            Backend::Postgres(pool) => Tx::postgres(pool, Some(writing)).await,
        }
    }

    /// A transaction whose statements lock the rows they need themselves (PostgreSQL row
    /// locks); on SQLite, the ingestion connection's write transaction.
    pub(crate) async fn write_rows(&self) -> Result<Tx, StoreError> {
        match &self.backend {
            Backend::Sqlite(_, ingest, _) => Tx::sqlite(ingest, self.writer.clone().lock_owned().await).await,
            Backend::Postgres(pool) => Tx::postgres(pool, None).await,
        }
    }
}

fn sqlite_path(location: &str) -> Result<PathBuf, StoreError> {
    let location = location.trim();
    if location.is_empty() {
        return Err(StoreError::UnsupportedLocation {
            location: String::new(),
            why: "empty; give a file path such as newsdesk.db",
        });
    }
    if let Some(rest) = location.strip_prefix("sqlite://").or_else(|| location.strip_prefix("sqlite:")) {
        let rest = rest.split('?').next().unwrap_or(rest);
        if rest.is_empty() || rest == ":memory:" {
            return Err(StoreError::UnsupportedLocation {
                location: location.to_owned(),
                why: "newsdesk keeps its data in a file; give a file path such as sqlite:newsdesk.db",
            });
        }
        return Ok(PathBuf::from(rest));
    }
    if location.contains("://") {
        return Err(StoreError::UnsupportedLocation {
            location: newsdesk_model::redact_password(location),
            why: "expected a SQLite file path or a sqlite: URL",
        });
    }
    Ok(Path::new(location).to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_and_sqlite_urls() {
        assert_eq!(sqlite_path("newsdesk.db").unwrap(), PathBuf::from("newsdesk.db"));
        assert_eq!(sqlite_path("sqlite:data/n.db").unwrap(), PathBuf::from("data/n.db"));
        assert_eq!(sqlite_path("sqlite:///var/lib/n.db?mode=rwc").unwrap(), PathBuf::from("/var/lib/n.db"));
    }

    #[test]
    fn refuses_other_locations_with_reasons_and_no_passwords() {
        let err = sqlite_path("mysql://news:hunter2@db.example/news").unwrap_err().to_string();
        assert!(!err.contains("hunter2"), "{err}");
        assert!(sqlite_path("sqlite::memory:").unwrap_err().to_string().contains("file"));
        assert!(sqlite_path("  ").is_err());
        assert!(sqlite_path("mysql://x/y").unwrap_err().to_string().contains("SQLite file path"));
    }
}
