//! Append-only schema migrations, embedded in the binary.
//!
//! Each migration runs once, in its own transaction, and is recorded with a checksum of its
//! text. Opening a database whose record differs from the binary's migration (someone edited
//! a shipped migration) or that has a migration the binary does not know (a newer newsdesk
//! wrote it) is refused before anything is touched.

use sha2::{Digest, Sha256};
use sqlx::{Row, SqlitePool};

use crate::StoreError;
use crate::time;

pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// The SQLite migrations, in order. Append only.
pub(crate) const SQLITE: &[Migration] = &[
    Migration { version: 1, name: "initial", sql: include_str!("../migrations/sqlite/0001_initial.sql") },
    Migration { version: 2, name: "feed_ingestion", sql: include_str!("../migrations/sqlite/0002_feed_ingestion.sql") },
    Migration { version: 3, name: "understanding", sql: include_str!("../migrations/sqlite/0003_understanding.sql") },
    Migration { version: 4, name: "discussion", sql: include_str!("../migrations/sqlite/0004_discussion.sql") },
    Migration { version: 5, name: "saved_searches", sql: include_str!("../migrations/sqlite/0005_saved_searches.sql") },
    Migration { version: 6, name: "full_text", sql: include_str!("../migrations/sqlite/0006_full_text.sql") },
    Migration { version: 7, name: "api_tokens", sql: include_str!("../migrations/sqlite/0007_api_tokens.sql") },
    Migration { version: 8, name: "feed_leases", sql: include_str!("../migrations/sqlite/0008_feed_leases.sql") },
];

fn checksum(sql: &str) -> String {
    let digest = Sha256::digest(sql.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) async fn run_sqlite(pool: &SqlitePool) -> Result<(), StoreError> {
    run(pool, SQLITE).await
}

async fn run(pool: &SqlitePool, migrations: &[Migration]) -> Result<(), StoreError> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )",
    )
    .execute(pool)
    .await?;
    let applied =
        sqlx::query("SELECT version, name, checksum FROM schema_migrations ORDER BY version").fetch_all(pool).await?;
    for row in &applied {
        let version: i64 = row.try_get("version")?;
        let Some(known) = migrations.iter().find(|m| m.version == version) else {
            return Err(StoreError::NewerSchema { version });
        };
        let stored: String = row.try_get("checksum")?;
        if stored != checksum(known.sql) {
            return Err(StoreError::MigrationChanged { version, name: row.try_get("name")? });
        }
    }
    for m in migrations {
        let done = applied.iter().any(|r| r.try_get::<i64, _>("version").is_ok_and(|v| v == m.version));
        if done {
            continue;
        }
        let mut tx = pool.begin().await?;
        sqlx::raw_sql(m.sql).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")
            .bind(m.version)
            .bind(m.name)
            .bind(checksum(m.sql))
            .bind(time::to_db(time::now()))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(version = m.version, name = m.name, "applied schema migration");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Store, StoreOptions};

    async fn fresh() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store = Store::open(path.to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        (dir, store)
    }

    fn pool(store: &Store) -> &SqlitePool {
        match &store.backend {
            crate::open::Backend::Sqlite(p, _) => p,
        }
    }

    #[tokio::test]
    async fn migrations_apply_once_and_reopen_cleanly() {
        let (dir, store) = fresh().await;
        let n: i64 =
            sqlx::query_scalar("SELECT count(*) FROM schema_migrations").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(n, SQLITE.len() as i64);
        store.close().await;
        let again = Store::open(dir.path().join("t.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        let n: i64 =
            sqlx::query_scalar("SELECT count(*) FROM schema_migrations").fetch_one(pool(&again)).await.unwrap();
        assert_eq!(n, SQLITE.len() as i64);
    }

    #[tokio::test]
    async fn an_edited_migration_is_refused() {
        let (_dir, store) = fresh().await;
        sqlx::query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
            .execute(pool(&store))
            .await
            .unwrap();
        let err = run(pool(&store), SQLITE).await.unwrap_err();
        assert!(matches!(err, StoreError::MigrationChanged { version: 1, .. }), "{err}");
    }

    #[tokio::test]
    async fn a_newer_database_is_refused() {
        let (_dir, store) = fresh().await;
        sqlx::query("INSERT INTO schema_migrations VALUES (999, 'future', 'x', 'now')")
            .execute(pool(&store))
            .await
            .unwrap();
        let err = run(pool(&store), SQLITE).await.unwrap_err();
        assert!(err.to_string().contains("newer version"), "{err}");
    }

    #[tokio::test]
    async fn wal_and_full_sync_are_on() {
        let (_dir, store) = fresh().await;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(sync, 2, "FULL");
    }
}
