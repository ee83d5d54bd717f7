//! Reads on the calling thread, for the pages a reader asks for.
//!
//! sqlx runs every SQLite statement on its connection's own worker thread and sends each row
//! back through a channel: a point lookup costs two thread wake-ups and a handful of
//! allocations around a few microseconds of SQLite work. An uncached article page makes about
//! eight such lookups, and the round trips, not SQLite, were most of its cost (BENCHMARKS.md,
//! "The site under load"). These connections run the same statements on the thread that asks,
//! through rusqlite over the same bundled SQLite. They only read (`query_only`), and WAL mode
//! lets them read beside the writer. Only quick reads belong here: a statement blocks the async
//! worker that runs it for as long as it takes.
//!
//! [`Readers::together`] runs a page's reads in one read transaction on one connection: they
//! see one moment of the database, and SQLite takes its read lock once instead of per
//! statement.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::Value as Plain;
use rusqlite::{Connection, OpenFlags};

use crate::StoreError;
use crate::db::{PlainRow, Row};

/// Idle connections kept. A read never waits for a connection: when none is idle it opens one.
const MAX_IDLE: usize = 8;
/// How much of the file a connection maps.
const MMAP_BYTES: i64 = 1 << 30;
/// Pages a connection keeps, in KiB (negative: SQLite's unit for a size).
const CACHE_KIB: i64 = -8192;
/// Prepared statements kept per connection.
const STATEMENTS: usize = 64;

tokio::task_local! {
    /// The connection this task's reads share, inside [`Readers::together`].
    static TOGETHER: RefCell<Together>;
}

/// One connection held for a task's reads, its read transaction open once used.
struct Together {
    readers: Arc<Readers>,
    conn: Option<Reader>,
}

/// A read-only connection and the column names of the statements it ran (a statement's
/// names are the same at every run: read once, not allocated again for every row set). The
/// names are found by the statement's text, hashed with foldhash: std's SipHash spent about
/// 2% of an article page's instructions hashing its long statements.
struct Reader {
    conn: Connection,
    names: HashMap<String, Arc<[String]>, foldhash::fast::RandomState>,
}

impl Drop for Together {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // Ends the read transaction; a connection that cannot is not kept.
            if conn.conn.prepare_cached("COMMIT").and_then(|mut c| c.execute([])).is_ok() {
                self.readers.put(conn);
            }
        }
    }
}

/// Read-only connections to one SQLite file.
pub(crate) struct Readers {
    path: PathBuf,
    busy_timeout: Duration,
    idle: Mutex<Vec<Reader>>,
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Readers {
    pub(crate) fn new(path: PathBuf, busy_timeout: Duration) -> Arc<Self> {
        Arc::new(Self { path, busy_timeout, idle: Mutex::new(Vec::new()) })
    }

    fn open(&self) -> Result<Reader, rusqlite::Error> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(self.busy_timeout)?;
        conn.pragma_update(None, "query_only", true)?;
        // Pages are read through the operating system's cache, shared by every connection,
        // instead of copied in by a system call each: about 15% of an uncached page's CPU.
        // The process's resident size then counts the file pages it touched (page cache,
        // shared and reclaimable), not memory of its own.
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
        conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        conn.set_prepared_statement_cache_capacity(STATEMENTS);
        Ok(Reader { conn, names: HashMap::default() })
    }

    /// Runs `fut` with its reads on one connection, in one read transaction.
    pub(crate) async fn together<F: Future>(self: &Arc<Self>, fut: F) -> F::Output {
        TOGETHER.scope(RefCell::new(Together { readers: self.clone(), conn: None }), fut).await
    }

    /// Runs `sql` with `args` and reads every row.
    pub(crate) fn fetch_all(self: &Arc<Self>, sql: &str, args: &[Plain]) -> Result<Vec<Row>, StoreError> {
        let shared = TOGETHER.try_with(|together| {
            let mut together = together.borrow_mut();
            if !Arc::ptr_eq(&together.readers, self) {
                return None;
            }
            if together.conn.is_none() {
                let conn = match self.take() {
                    Ok(c) => c,
                    Err(e) => return Some(Err(e)),
                };
                if let Err(e) = conn.conn.prepare_cached("BEGIN").and_then(|mut c| c.execute([])) {
                    return Some(Err(read_error(&e)));
                }
                together.conn = Some(conn);
            }
            together.conn.as_mut().map(|conn| run(conn, sql, args).map_err(|e| read_error(&e)))
        });
        if let Ok(Some(rows)) = shared {
            return rows;
        }
        let mut conn = self.take()?;
        let rows = run(&mut conn, sql, args).map_err(|e| read_error(&e));
        self.put(conn);
        rows
    }

    /// An idle connection, or a new one.
    fn take(&self) -> Result<Reader, StoreError> {
        let conn = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        match conn {
            Some(c) => Ok(c),
            None => self.open().map_err(|e| read_error(&e)),
        }
    }

    /// Keeps `conn` for the next read, unless enough are kept.
    fn put(&self, conn: Reader) {
        let mut idle = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
    }

    /// Closes the idle connections.
    pub(crate) fn close(&self) {
        self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }
}

/// Statements whose column names a connection keeps; more are read each time.
const NAMED_STATEMENTS: usize = 256;

fn run(reader: &mut Reader, sql: &str, args: &[Plain]) -> Result<Vec<Row>, rusqlite::Error> {
    let mut statement = reader.conn.prepare_cached(sql)?;
    let names = match reader.names.get(sql) {
        Some(names) => Arc::clone(names),
        None => {
            let names: Arc<[String]> = statement.column_names().into_iter().map(str::to_owned).collect();
            if reader.names.len() < NAMED_STATEMENTS {
                reader.names.insert(sql.to_owned(), Arc::clone(&names));
            }
            names
        }
    };
    let width = names.len();
    let mut rows = statement.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(row.get::<_, Plain>(i)?);
        }
        out.push(Row::Plain(PlainRow { names: names.clone(), values, next: std::sync::atomic::AtomicUsize::new(0) }));
    }
    Ok(out)
}

fn read_error(e: &rusqlite::Error) -> StoreError {
    StoreError::Read(e.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::float_cmp)]

    use crate::{Store, StoreOptions};

    async fn store_with_table() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("r.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        store
            .sql("CREATE TABLE t (n INTEGER, flag INTEGER, x REAL, s TEXT, gone TEXT, b BLOB)")
            .execute(store.pool())
            .await
            .unwrap();
        store
            .sql("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
            .bind(-7_i64)
            .bind(true)
            .bind(2.5_f64)
            .bind("ünï text")
            .bind(None::<String>)
            .bind(vec![0_u8, 255])
            .execute(store.pool())
            .await
            .unwrap();
        (dir, store)
    }

    #[tokio::test]
    async fn rows_read_here_decode_as_sqlx_decodes_them() {
        let (_dir, store) = store_with_table().await;
        let sql = "SELECT n, flag, x, s, gone, b FROM t";
        let through_sqlx = store.sql(sql).fetch_one(store.pool()).await.unwrap();
        let here = store.sql(sql).fetch_one(store.here()).await.unwrap();
        assert!(matches!(here, crate::db::Row::Plain(_)), "read on the calling thread");
        for row in [&through_sqlx, &here] {
            assert_eq!(row.get::<i64>("n").unwrap(), -7);
            assert!(row.get::<bool>("flag").unwrap());
            assert_eq!(row.get::<f64>("x").unwrap(), 2.5);
            assert_eq!(row.get::<String>("s").unwrap(), "ünï text");
            assert_eq!(row.get::<Option<String>>("gone").unwrap(), None);
            assert_eq!(row.get::<Vec<u8>>("b").unwrap(), vec![0, 255]);
            assert_eq!(row.at::<i64>(0).unwrap(), -7);
        }
        // Columns asked for out of their order (each looked for first after the last found)
        // are still found, again and again.
        for _ in 0..2 {
            assert_eq!(here.get::<Vec<u8>>("b").unwrap(), vec![0, 255]);
            assert_eq!(here.get::<f64>("x").unwrap(), 2.5);
            assert_eq!(here.get::<i64>("n").unwrap(), -7);
            assert_eq!(here.get::<String>("s").unwrap(), "ünï text");
        }
        // A text taken out of a row is the text, from either kind of row.
        let (mut through_sqlx, mut here) = (through_sqlx, here);
        assert_eq!(through_sqlx.take_text("s").unwrap(), "ünï text");
        assert_eq!(here.take_text("s").unwrap(), "ünï text");
        assert_eq!(here.get::<String>("s").unwrap(), "", "taken, not copied");
        assert!(matches!(here.take_text("gone"), Err(crate::StoreError::Corrupt(_))));
        // A damaged value is an error, never a panic.
        assert!(matches!(here.get::<i64>("s"), Err(crate::StoreError::Corrupt(_))));
        assert!(matches!(here.get::<String>("gone"), Err(crate::StoreError::Corrupt(_))));
        assert!(matches!(here.get::<String>("no such column"), Err(crate::StoreError::Corrupt(_))));
    }

    #[tokio::test]
    async fn reads_together_see_one_moment_of_the_database() {
        let (_dir, store) = store_with_table().await;
        let count = || async { store.sql("SELECT count(*) FROM t").scalar::<i64>(store.here()).await.unwrap() };
        let seen = store
            .reading_together(async {
                let before = count().await;
                store.sql("INSERT INTO t (n) VALUES (1)").execute(store.pool()).await.unwrap();
                (before, count().await)
            })
            .await;
        assert_eq!(seen, (1, 1), "the second read sees the moment of the first");
        assert_eq!(count().await, 2, "a read after them sees the write");
        // Without `reading_together`, each read sees the latest commit.
        assert_eq!(count().await, 2);
        store.sql("INSERT INTO t (n) VALUES (2)").execute(store.pool()).await.unwrap();
        assert_eq!(count().await, 3);
    }

    #[tokio::test]
    async fn the_read_connections_never_write() {
        let (_dir, store) = store_with_table().await;
        let refused = store.sql("DELETE FROM t").execute(store.here()).await;
        assert!(matches!(refused, Err(crate::StoreError::Read(_))));
        // A writing statement sent as a read is refused by SQLite (`query_only`).
        let refused = store.sql("DELETE FROM t RETURNING n").fetch_all(store.here()).await;
        assert!(matches!(refused, Err(crate::StoreError::Read(_))), "{:?}", refused.err());
        let left: i64 = store.sql("SELECT count(*) FROM t").scalar(store.pool()).await.unwrap();
        assert_eq!(left, 1);
    }
}
