//! One way of writing queries for both backends.
//!
//! Store functions write their SQL once, with `?` placeholders, in the subset that SQLite and
//! PostgreSQL share (TRUE/FALSE, `ON CONFLICT`, `RETURNING`, CASE rather than two-argument
//! min/max). [`Query`] numbers the placeholders for PostgreSQL, binds values that both drivers
//! encode the same way, and runs on whichever connection it is given; [`Row`] reads columns
//! back. The few statements that cannot be shared (leases, search, backups) match on
//! [`Dialect`] where they are.
//!
//! Why not sqlx's `Any` driver: it copies every value of every row into its own types, and
//! decodes SQLite's integers as booleans only when the declared type says so. These enums
//! keep each driver's own rows and cost one branch per call.

use std::borrow::Cow;

use sqlx::postgres::{PgArguments, PgConnection, PgPool, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteConnection, SqlitePool, SqliteRow};
use sqlx::{AssertSqlSafe, Decode, Encode, Postgres, Row as _, Sqlite, Transaction, Type};

use crate::StoreError;

/// Which SQL the database speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value both drivers can bind, borrowed for `'t` at most.
pub(crate) trait Value<'t>: Encode<'t, Sqlite> + Type<Sqlite> + Encode<'t, Postgres> + Type<Postgres> {}
impl<'t, T> Value<'t> for T where T: Encode<'t, Sqlite> + Type<Sqlite> + Encode<'t, Postgres> + Type<Postgres> {}

/// A value both drivers can read back.
pub(crate) trait Decoded:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}
impl<T> Decoded for T where T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> {}

/// Where a query runs: a pool, or one connection (inside a transaction).
pub(crate) enum On<'c> {
    SqlitePool(&'c SqlitePool),
    PgPool(&'c PgPool),
    Sqlite(&'c mut SqliteConnection),
    Pg(&'c mut PgConnection),
}

impl On<'_> {
    /// The same place, for one more query.
    pub(crate) fn again(&mut self) -> On<'_> {
        match self {
            On::SqlitePool(p) => On::SqlitePool(p),
            On::PgPool(p) => On::PgPool(p),
            On::Sqlite(c) => On::Sqlite(c),
            On::Pg(c) => On::Pg(c),
        }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            On::SqlitePool(_) | On::Sqlite(_) => Dialect::Sqlite,
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
    Sqlite(sqlx::query::Query<'static, Sqlite, SqliteArguments>),
    Postgres(sqlx::query::Query<'static, Postgres, PgArguments>),
}

impl Query {
    pub(crate) fn new(dialect: Dialect, sql: impl Into<Cow<'static, str>>) -> Self {
        match dialect {
            Dialect::Sqlite => Self::Sqlite(match sql.into() {
                Cow::Borrowed(s) => sqlx::query(s),
                Cow::Owned(s) => sqlx::query(AssertSqlSafe(s)),
            }),
            Dialect::Postgres => Self::Postgres(sqlx::query(AssertSqlSafe(numbered(&sql.into())))),
        }
    }

    #[must_use]
    pub(crate) fn bind<'t, T: Value<'t>>(self, value: T) -> Self {
        match self {
            Self::Sqlite(q) => Self::Sqlite(q.bind(value)),
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
            (Self::Sqlite(q), On::SqlitePool(p)) => q.fetch_all(p).await?.into_iter().map(Row::Sqlite).collect(),
            (Self::Sqlite(q), On::Sqlite(c)) => q.fetch_all(c).await?.into_iter().map(Row::Sqlite).collect(),
            (Self::Postgres(q), On::PgPool(p)) => q.fetch_all(p).await?.into_iter().map(Row::Postgres).collect(),
            (Self::Postgres(q), On::Pg(c)) => q.fetch_all(c).await?.into_iter().map(Row::Postgres).collect(),
            _ => return Err(mismatch()),
        })
    }

    pub(crate) async fn fetch_optional(self, on: On<'_>) -> Result<Option<Row>, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite(q), On::SqlitePool(p)) => q.fetch_optional(p).await?.map(Row::Sqlite),
            (Self::Sqlite(q), On::Sqlite(c)) => q.fetch_optional(c).await?.map(Row::Sqlite),
            (Self::Postgres(q), On::PgPool(p)) => q.fetch_optional(p).await?.map(Row::Postgres),
            (Self::Postgres(q), On::Pg(c)) => q.fetch_optional(c).await?.map(Row::Postgres),
            _ => return Err(mismatch()),
        })
    }

    pub(crate) async fn fetch_one(self, on: On<'_>) -> Result<Row, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite(q), On::SqlitePool(p)) => Row::Sqlite(q.fetch_one(p).await?),
            (Self::Sqlite(q), On::Sqlite(c)) => Row::Sqlite(q.fetch_one(c).await?),
            (Self::Postgres(q), On::PgPool(p)) => Row::Postgres(q.fetch_one(p).await?),
            (Self::Postgres(q), On::Pg(c)) => Row::Postgres(q.fetch_one(c).await?),
            _ => return Err(mismatch()),
        })
    }

    /// The first column of the one row the statement gives.
    pub(crate) async fn scalar<T: Decoded>(self, on: On<'_>) -> Result<T, StoreError> {
        self.fetch_one(on).await?.at(0)
    }

    /// Runs the statement; how many rows it changed.
    pub(crate) async fn execute(self, on: On<'_>) -> Result<u64, StoreError> {
        Ok(match (self, on) {
            (Self::Sqlite(q), On::SqlitePool(p)) => q.execute(p).await?.rows_affected(),
            (Self::Sqlite(q), On::Sqlite(c)) => q.execute(c).await?.rows_affected(),
            (Self::Postgres(q), On::PgPool(p)) => q.execute(p).await?.rows_affected(),
            (Self::Postgres(q), On::Pg(c)) => q.execute(c).await?.rows_affected(),
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

/// One row, from either driver.
pub(crate) enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

impl Row {
    /// The value of the named column.
    pub(crate) fn get<T: Decoded>(&self, column: &str) -> Result<T, StoreError> {
        Ok(match self {
            Self::Sqlite(r) => r.try_get(column)?,
            Self::Postgres(r) => r.try_get(column)?,
        })
    }

    /// The value of the column at `index`.
    pub(crate) fn at<T: Decoded>(&self, index: usize) -> Result<T, StoreError> {
        Ok(match self {
            Self::Sqlite(r) => r.try_get(index)?,
            Self::Postgres(r) => r.try_get(index)?,
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
