//! One way of writing queries for both backends.
//!
//! Store functions write their SQL once, with `?` placeholders, in the subset that SQLite and
//! PostgreSQL share (TRUE/FALSE, `ON CONFLICT`, `RETURNING`, CASE rather than two-argument
//! min/max). [`Query`] numbers the placeholders for PostgreSQL, binds values that both drivers
//! encode the same way, and runs on whichever connection it is given; [`Row`] reads columns
//! back. The few statements that cannot be shared (leases, search, backups) match on
//! [`Dialect`] where they are.
//!
//! SQLite values are kept as SQLite stores them ([`Plain`]: null, integer, real, text, blob)
//! until the statement runs, so the same query can run through sqlx or on the calling thread
//! ([`On::SqliteHere`], see `readers.rs`).
//!
//! Why not sqlx's `Any` driver: it copies every value of every row into its own types, and
//! decodes SQLite's integers as booleans only when the declared type says so. These enums
//! keep each driver's own rows and cost one branch per call.

use std::borrow::Cow;
use std::sync::Arc;

use rusqlite::types::Value as Plain;
use sqlx::postgres::{PgArguments, PgConnection, PgPool, PgRow};
use sqlx::sqlite::{SqliteConnection, SqlitePool, SqliteRow};
use sqlx::{AssertSqlSafe, Decode, Encode, Postgres, Row as _, Sqlite, Transaction, Type};

use crate::StoreError;
use crate::readers::Readers;

/// Which SQL the database speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value both drivers can bind, borrowed for `'t` at most.
pub(crate) trait Value<'t>: IntoPlain + Encode<'t, Postgres> + Type<Postgres> {}
impl<'t, T> Value<'t> for T where T: IntoPlain + Encode<'t, Postgres> + Type<Postgres> {}

/// A value both drivers can read back.
pub(crate) trait Decoded:
    FromPlain + for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}
impl<T> Decoded for T where
    T: FromPlain + for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

/// A value as SQLite stores it, encoded as sqlx encodes it (booleans as 0 and 1).
pub(crate) trait IntoPlain {
    fn into_plain(self) -> Plain;
}

macro_rules! integer_into_plain {
    ($($t:ty),*) => {$(
        impl IntoPlain for $t {
            fn into_plain(self) -> Plain {
                Plain::Integer(i64::from(self))
            }
        }
    )*};
}
integer_into_plain!(i64, i32, u32, bool);

impl IntoPlain for f64 {
    fn into_plain(self) -> Plain {
        Plain::Real(self)
    }
}

impl IntoPlain for String {
    fn into_plain(self) -> Plain {
        Plain::Text(self)
    }
}

impl IntoPlain for &str {
    fn into_plain(self) -> Plain {
        Plain::Text(self.to_owned())
    }
}

impl IntoPlain for &String {
    fn into_plain(self) -> Plain {
        Plain::Text(self.clone())
    }
}

impl IntoPlain for Vec<u8> {
    fn into_plain(self) -> Plain {
        Plain::Blob(self)
    }
}

impl<T: IntoPlain> IntoPlain for Option<T> {
    fn into_plain(self) -> Plain {
        self.map_or(Plain::Null, IntoPlain::into_plain)
    }
}

/// Reading a value back from a row read on the calling thread, as sqlx reads it.
pub(crate) trait FromPlain: Sized {
    fn from_plain(value: &Plain) -> Result<Self, String>;
}

impl FromPlain for String {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        match value {
            Plain::Text(s) => Ok(s.clone()),
            // SQLite gives any number as text when text is asked for.
            Plain::Integer(n) => Ok(n.to_string()),
            Plain::Real(x) => Ok(x.to_string()),
            Plain::Null => Err("NULL where text was expected".into()),
            Plain::Blob(_) => Err("a blob where text was expected".into()),
        }
    }
}

impl FromPlain for i64 {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        match value {
            Plain::Integer(n) => Ok(*n),
            other => Err(format!("{} where an integer was expected", kind(other))),
        }
    }
}

impl FromPlain for i32 {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        let n = i64::from_plain(value)?;
        i32::try_from(n).map_err(|_| format!("{n} is out of range"))
    }
}

impl FromPlain for bool {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        Ok(i64::from_plain(value)? != 0)
    }
}

impl FromPlain for f64 {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        match value {
            Plain::Real(x) => Ok(*x),
            #[allow(clippy::cast_precision_loss, reason = "SQLite converts the same way")]
            Plain::Integer(n) => Ok(*n as f64),
            other => Err(format!("{} where a number was expected", kind(other))),
        }
    }
}

impl FromPlain for Vec<u8> {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        match value {
            Plain::Blob(b) => Ok(b.clone()),
            Plain::Text(s) => Ok(s.as_bytes().to_vec()),
            other => Err(format!("{} where a blob was expected", kind(other))),
        }
    }
}

impl<T: FromPlain> FromPlain for Option<T> {
    fn from_plain(value: &Plain) -> Result<Self, String> {
        match value {
            Plain::Null => Ok(None),
            v => T::from_plain(v).map(Some),
        }
    }
}

fn kind(value: &Plain) -> &'static str {
    match value {
        Plain::Null => "NULL",
        Plain::Integer(_) => "an integer",
        Plain::Real(_) => "a real number",
        Plain::Text(_) => "text",
        Plain::Blob(_) => "a blob",
    }
}

/// Where a query runs: a pool, one connection (inside a transaction), or SQLite's read-only
/// connections on the calling thread.
pub(crate) enum On<'c> {
    SqlitePool(&'c SqlitePool),
    SqliteHere(&'c Arc<Readers>),
    PgPool(&'c PgPool),
    Sqlite(&'c mut SqliteConnection),
    Pg(&'c mut PgConnection),
}

impl On<'_> {
    /// The same place, for one more query.
    pub(crate) fn again(&mut self) -> On<'_> {
        match self {
            On::SqlitePool(p) => On::SqlitePool(p),
            On::SqliteHere(r) => On::SqliteHere(r),
            On::PgPool(p) => On::PgPool(p),
            On::Sqlite(c) => On::Sqlite(c),
            On::Pg(c) => On::Pg(c),
        }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            On::SqlitePool(_) | On::SqliteHere(_) | On::Sqlite(_) => Dialect::Sqlite,
            On::PgPool(_) | On::Pg(_) => Dialect::Postgres,
        }
    }

    /// A query in this place's dialect.
    pub(crate) fn sql(&self, sql: impl Into<Cow<'static, str>>) -> Query {
        Query::new(self.dialect(), sql)
    }
}

/// A statement with its values, in one dialect.
pub(crate) enum Query {
    Sqlite { sql: Cow<'static, str>, args: Vec<Plain> },
    Postgres(sqlx::query::Query<'static, Postgres, PgArguments>),
}

/// A SQLite statement for sqlx, its values bound as SQLite stores them.
fn sqlx_sqlite(
    sql: Cow<'static, str>,
    args: Vec<Plain>,
) -> sqlx::query::Query<'static, Sqlite, sqlx::sqlite::SqliteArguments> {
    let mut q = match sql {
        Cow::Borrowed(s) => sqlx::query(s),
        Cow::Owned(s) => sqlx::query(AssertSqlSafe(s)),
    };
    for arg in args {
        q = match arg {
            Plain::Null => q.bind(None::<i64>),
            Plain::Integer(n) => q.bind(n),
            Plain::Real(x) => q.bind(x),
            Plain::Text(s) => q.bind(s),
            Plain::Blob(b) => q.bind(b),
        };
    }
    q
}

impl Query {
    pub(crate) fn new(dialect: Dialect, sql: impl Into<Cow<'static, str>>) -> Self {
        match dialect {
            Dialect::Sqlite => Self::Sqlite { sql: sql.into(), args: Vec::new() },
            Dialect::Postgres => Self::Postgres(sqlx::query(AssertSqlSafe(numbered(&sql.into())))),
        }
    }

    #[must_use]
    pub(crate) fn bind<'t, T: Value<'t>>(self, value: T) -> Self {
        match self {
            Self::Sqlite { sql, mut args } => {
                args.push(value.into_plain());
                Self::Sqlite { sql, args }
            }
            Self::Postgres(q) => Self::Postgres(q.bind(value)),
        }
    }

    /// Binds `LIMIT ? OFFSET ?`.
    #[must_use]
    pub(crate) fn bind_page(self, limit: u32, offset: u64) -> Self {
        self.bind(i64::from(limit)).bind(i64::try_from(offset).unwrap_or(i64::MAX))
    }

    pub(crate) async fn fetch_all(self, on: On<'_>) -> Result<Vec<Row>, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite { sql, args }, On::SqliteHere(r)) => r.fetch_all(&sql, &args)?,
            (Self::Sqlite { sql, args }, On::SqlitePool(p)) => {
                sqlx_sqlite(sql, args).fetch_all(p).await?.into_iter().map(Row::Sqlite).collect()
            }
            (Self::Sqlite { sql, args }, On::Sqlite(c)) => {
                sqlx_sqlite(sql, args).fetch_all(c).await?.into_iter().map(Row::Sqlite).collect()
            }
            (Self::Postgres(q), On::PgPool(p)) => q.fetch_all(p).await?.into_iter().map(Row::Postgres).collect(),
            (Self::Postgres(q), On::Pg(c)) => q.fetch_all(c).await?.into_iter().map(Row::Postgres).collect(),
            _ => return Err(mismatch()),
        })
    }

    pub(crate) async fn fetch_optional(self, on: On<'_>) -> Result<Option<Row>, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite { sql, args }, On::SqliteHere(r)) => r.fetch_all(&sql, &args)?.into_iter().next(),
            (Self::Sqlite { sql, args }, On::SqlitePool(p)) => {
                sqlx_sqlite(sql, args).fetch_optional(p).await?.map(Row::Sqlite)
            }
            (Self::Sqlite { sql, args }, On::Sqlite(c)) => {
                sqlx_sqlite(sql, args).fetch_optional(c).await?.map(Row::Sqlite)
            }
            (Self::Postgres(q), On::PgPool(p)) => q.fetch_optional(p).await?.map(Row::Postgres),
            (Self::Postgres(q), On::Pg(c)) => q.fetch_optional(c).await?.map(Row::Postgres),
            _ => return Err(mismatch()),
        })
    }

    pub(crate) async fn fetch_one(self, on: On<'_>) -> Result<Row, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite { sql, args }, On::SqliteHere(r)) => {
                r.fetch_all(&sql, &args)?.into_iter().next().ok_or(StoreError::Database(sqlx::Error::RowNotFound))?
            }
            (Self::Sqlite { sql, args }, On::SqlitePool(p)) => Row::Sqlite(sqlx_sqlite(sql, args).fetch_one(p).await?),
            (Self::Sqlite { sql, args }, On::Sqlite(c)) => Row::Sqlite(sqlx_sqlite(sql, args).fetch_one(c).await?),
            (Self::Postgres(q), On::PgPool(p)) => Row::Postgres(q.fetch_one(p).await?),
            (Self::Postgres(q), On::Pg(c)) => Row::Postgres(q.fetch_one(c).await?),
            _ => return Err(mismatch()),
        })
    }

    /// The first column of the one row the statement gives.
    pub(crate) async fn scalar<T: Decoded>(self, on: On<'_>) -> Result<T, StoreError> {
        self.fetch_one(on).await?.at(0)
    }

    /// Runs the statement; how many rows it changed. Never on the read-only connections.
    pub(crate) async fn execute(self, on: On<'_>) -> Result<u64, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite { sql, args }, On::SqlitePool(p)) => sqlx_sqlite(sql, args).execute(p).await?.rows_affected(),
            (Self::Sqlite { sql, args }, On::Sqlite(c)) => sqlx_sqlite(sql, args).execute(c).await?.rows_affected(),
            (Self::Postgres(q), On::PgPool(p)) => q.execute(p).await?.rows_affected(),
            (Self::Postgres(q), On::Pg(c)) => q.execute(c).await?.rows_affected(),
            (_, On::SqliteHere(_)) => {
                return Err(StoreError::Read("a statement that writes was sent to a read-only connection".into()));
            }
            _ => return Err(mismatch()),
        })
    }
}

fn mismatch() -> StoreError {
    StoreError::Corrupt("a query was run on a connection of the other database kind".into())
}

/// `?` placeholders as PostgreSQL's `$1, $2, ...`; a `?` inside a quoted string stays.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0u32;
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// One row, from either driver or from a read on the calling thread.
pub(crate) enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
    Plain(PlainRow),
}

/// A row read on the calling thread: its values as SQLite stores them.
pub(crate) struct PlainRow {
    /// The statement's column names, shared by its rows.
    pub(crate) names: Arc<[String]>,
    pub(crate) values: Vec<Plain>,
    /// Where the next column asked for is looked for first: the one after the last found
    /// (rows are mostly read in the order of their columns, and a wide row's names would
    /// otherwise be compared from the first each time). Atomic only so that a row can be
    /// shared between threads; the order is relaxed, as a stale hint only costs a longer look.
    pub(crate) next: std::sync::atomic::AtomicUsize,
}

impl PlainRow {
    /// The index of the column named `column`.
    fn index_of(&self, column: &str) -> Option<usize> {
        let start = self.next.load(std::sync::atomic::Ordering::Relaxed).min(self.names.len());
        let (before, after) = self.names.split_at(start);
        let found = match after.iter().position(|n| n == column) {
            Some(i) => start + i,
            None => before.iter().position(|n| n == column)?,
        };
        self.next.store(found + 1, std::sync::atomic::Ordering::Relaxed);
        Some(found)
    }

    fn decode<T: FromPlain>(&self, index: usize, column: &dyn std::fmt::Display) -> Result<T, StoreError> {
        let value = self.values.get(index).ok_or_else(|| StoreError::Corrupt(format!("no column {column}")))?;
        T::from_plain(value).map_err(|why| StoreError::Corrupt(format!("column {column}: {why}")))
    }
}

impl Row {
    /// The value of the named column.
    pub(crate) fn get<T: Decoded>(&self, column: &str) -> Result<T, StoreError> {
        Ok(match self {
            Self::Sqlite(r) => r.try_get(column)?,
            Self::Postgres(r) => r.try_get(column)?,
            Self::Plain(r) => {
                let index = r.index_of(column).unwrap_or(usize::MAX);
                r.decode(index, &column)?
            }
        })
    }

    /// The text of the named column, taken out of a row read on the calling thread instead of
    /// copied (the column then reads as empty); copied from any other row.
    pub(crate) fn take_text(&mut self, column: &str) -> Result<String, StoreError> {
        if let Self::Plain(r) = self {
            let index = r.index_of(column);
            if let Some(Plain::Text(text)) = index.and_then(|i| r.values.get_mut(i)) {
                return Ok(std::mem::take(text));
            }
        }
        self.get(column)
    }

    /// The value of the column at `index`.
    pub(crate) fn at<T: Decoded>(&self, index: usize) -> Result<T, StoreError> {
        Ok(match self {
            Self::Sqlite(r) => r.try_get(index)?,
            Self::Postgres(r) => r.try_get(index)?,
            Self::Plain(r) => r.decode(index, &index)?,
        })
    }
}

/// A write transaction. Dropping it without [`Tx::commit`] rolls it back.
pub(crate) struct Tx {
    conn: TxConn,
    /// Held for the transaction's life: this process's writers queue here.
    _writing: Option<tokio::sync::OwnedMutexGuard<()>>,
}

enum TxConn {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) async fn sqlite(
        pool: &SqlitePool,
        writing: tokio::sync::OwnedMutexGuard<()>,
    ) -> Result<Self, StoreError> {
        // IMMEDIATE takes the write lock up front, so reads inside the transaction cannot race
        // another writer into a deadlock.
        let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(Self { conn: TxConn::Sqlite(tx), _writing: Some(writing) })
    }

    /// A PostgreSQL transaction. With `serialized`, it first takes the one write lock that
    /// every newsdesk process shares (an advisory lock), so that read-then-write steps see
    /// what SQLite's single writer would: the database's own row locks suffice for the rest.
    pub(crate) async fn postgres(
        pool: &PgPool,
        writing: Option<tokio::sync::OwnedMutexGuard<()>>,
    ) -> Result<Self, StoreError> {
        let mut tx = pool.begin().await?;
        if writing.is_some() {
            sqlx::query("SELECT pg_advisory_xact_lock(7360129451)").execute(&mut *tx).await?;
        }
        Ok(Self { conn: TxConn::Postgres(tx), _writing: writing })
    }

    pub(crate) fn on(&mut self) -> On<'_> {
        match &mut self.conn {
            TxConn::Sqlite(tx) => On::Sqlite(tx),
            TxConn::Postgres(tx) => On::Pg(tx),
        }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self.conn {
            TxConn::Sqlite(_) => Dialect::Sqlite,
            TxConn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// A query in this transaction's dialect.
    pub(crate) fn sql(&self, sql: impl Into<Cow<'static, str>>) -> Query {
        Query::new(self.dialect(), sql)
    }

    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        match self.conn {
            TxConn::Sqlite(tx) => tx.commit().await?,
            TxConn::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_outside_quotes() {
        assert_eq!(
            numbered("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
        );
        assert_eq!(numbered("SELECT '?' || ? FROM t WHERE x = 'it''s?'"), "SELECT '?' || $1 FROM t WHERE x = 'it''s?'");
        assert_eq!(numbered("SELECT 1"), "SELECT 1");
    }
}
