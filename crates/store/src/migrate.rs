//! Append-only schema migrations, embedded in the binary.
//!
//! Each migration runs once, in its own transaction, and is recorded with a checksum of its
//! text. Opening a database whose record differs from the binary's migration (someone edited
//! a shipped migration) or that has a migration the binary does not know (a newer newsdesk
//! wrote it) is refused before anything is touched.

use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use crate::StoreError;
use crate::time;

pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Both backends' migrations from one list, so the versions and names cannot drift apart:
/// `SQLITE` reads `migrations/sqlite/<file>.sql`, `POSTGRES` the same file in
/// `migrations/postgres/`.
macro_rules! migrations {
    ($($version:literal $name:literal $file:literal,)*) => {
        /// The SQLite migrations, in order. Append only.
        pub(crate) const SQLITE: &[Migration] = &[$(Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!("../migrations/sqlite/", $file, ".sql")),
        },)*];

        /// The PostgreSQL migrations: the same versions and names, in PostgreSQL's words.
        /// Append only.
        pub(crate) const POSTGRES: &[Migration] = &[$(Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!("../migrations/postgres/", $file, ".sql")),
        },)*];
    };
}

// version, name, file. Append only.
migrations! {
    1 "initial" "0001_initial",
    2 "feed_ingestion" "0002_feed_ingestion",
    3 "understanding" "0003_understanding",
    4 "discussion" "0004_discussion",
    5 "saved_searches" "0005_saved_searches",
    6 "full_text" "0006_full_text",
    7 "api_tokens" "0007_api_tokens",
    8 "feed_leases" "0008_feed_leases",
    9 "understanding_lease" "0009_understanding_lease",
    10 "outlet_names" "0010_outlet_names",
    11 "story_digests" "0011_story_digests",
    12 "derived_titles" "0012_derived_titles",
    13 "articles_by_change" "0013_articles_by_change",
    14 "spent_form_tokens" "0014_spent_form_tokens",
    15 "sign_in_failures" "0015_sign_in_failures",
    16 "entity_names" "0016_entity_names",
    17 "article_images" "0017_article_images",
    18 "staff_comments" "0018_staff_comments",
    19 "story_members_index" "0019_story_members_index",
    20 "live_stories_index" "0020_live_stories_index",
    21 "filter_indexes" "0021_filter_indexes",
    22 "entity_mentions_by_time" "0022_entity_mentions_by_time",
    23 "comments_here" "0023_comments_here",
    24 "story_language" "0024_story_language",
    25 "unspaced_search" "0025_unspaced_search",
    26 "placed_story_index" "0026_placed_story_index",
}

/// Refuses a database that has a migration this binary does not know, or whose record of a
/// migration differs from the binary's text of it.
fn check_applied(applied: &[(i64, String, String)], migrations: &[Migration]) -> Result<(), StoreError> {
    for (version, name, stored) in applied {
        let Some(known) = migrations.iter().find(|m| m.version == *version) else {
            return Err(StoreError::NewerSchema { version: *version });
        };
        if *stored != checksum(known.sql) {
            return Err(StoreError::MigrationChanged { version: *version, name: name.clone() });
        }
    }
    Ok(())
}

/// The one migration procedure, for either backend's pool: record table, refusal of a
/// database this binary does not match, then each missing migration in its own transaction.
/// (A macro because the two pools are different types; only the integer type and the
/// placeholders differ.)
macro_rules! apply {
    ($pool:expr, $migrations:expr, $int:literal, $marks:literal) => {{
        let pool = $pool;
        sqlx::raw_sql(concat!(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version ",
            $int,
            " PRIMARY KEY NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
        ))
        .execute(pool)
        .await?;
        let applied: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
                .fetch_all(pool)
                .await?;
        check_applied(&applied, $migrations)?;
        for m in $migrations {
            if applied.iter().any(|(v, _, _)| *v == m.version) {
                continue;
            }
            let mut tx = pool.begin().await?;
            sqlx::raw_sql(m.sql).execute(&mut *tx).await?;
            sqlx::query(concat!(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (",
                $marks,
                ")"
            ))
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
    }};
}

/// Brings a PostgreSQL database's schema up to date, as [`run_sqlite`] does for SQLite.
/// Processes starting together take turns (a session advisory lock), so each migration is
/// applied once.
pub(crate) async fn run_postgres(pool: &sqlx::PgPool) -> Result<(), StoreError> {
    let mut turn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock(7360129450)").execute(&mut *turn).await?;
    let applied: Result<(), StoreError> = async { apply!(pool, POSTGRES, "BIGINT", "$1, $2, $3, $4") }.await;
    sqlx::query("SELECT pg_advisory_unlock(7360129450)").execute(&mut *turn).await?;
    applied
}

fn checksum(sql: &str) -> String {
    let digest = Sha256::digest(sql.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) async fn run_sqlite(pool: &SqlitePool) -> Result<(), StoreError> {
    apply!(pool, SQLITE, "INTEGER", "?, ?, ?, ?")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PostgreSQL schema, on the server `NEWSDESK_TEST_POSTGRES_URL` names (CI starts one;
    /// `NEWSDESK_POSTGRES_TESTS=required` makes its absence a failure): every migration applies
    /// in a fresh database, a second run changes nothing, the versions match SQLite's, and the
    /// search index answers a stemmed query.
    #[tokio::test]
    async fn postgres_migrations_apply_once_and_search_is_indexed() {
        let Ok(url) = std::env::var("NEWSDESK_TEST_POSTGRES_URL") else {
            assert!(
                std::env::var("NEWSDESK_POSTGRES_TESTS").as_deref() != Ok("required"),
                "NEWSDESK_TEST_POSTGRES_URL is not set, and PostgreSQL tests are required"
            );
            eprintln!("skipped: set NEWSDESK_TEST_POSTGRES_URL to test the PostgreSQL schema");
            return;
        };
        let admin = sqlx::PgPool::connect(&url).await.unwrap();
        let db = format!("newsdesk_test_{}", std::process::id());
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {db}"))).execute(&admin).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}"))).execute(&admin).await.unwrap();
        let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
        let pool = sqlx::PgPool::connect(&format!("{base}/{db}")).await.unwrap();
        run_postgres(&pool).await.unwrap();
        run_postgres(&pool).await.unwrap();
        let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations ORDER BY version")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert_eq!(versions, SQLITE.iter().map(|m| m.version).collect::<Vec<_>>());
        assert!(POSTGRES.iter().zip(SQLITE).all(|(p, s)| p.version == s.version && p.name == s.name));
        sqlx::query(
            "INSERT INTO articles (id, title, summary, body_text, body_html, created_at, modified_at, sort_at) \
             VALUES ('a', 'Ferries return to the harbour', '', 'The ferries sailed again.', '', 't', 't', 't')",
        )
        .execute(&pool)
        .await
        .unwrap();
        let hits: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM articles WHERE search_vector @@ websearch_to_tsquery('english', 'ferry sailing')",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(hits, vec!["a".to_owned()], "stemmed words match");
        pool.close().await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE {db}"))).execute(&admin).await.unwrap();
    }
    use crate::{Store, StoreOptions};

    async fn fresh() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store = Store::open(path.to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        (dir, store)
    }

    fn pool(store: &Store) -> &SqlitePool {
        match &store.backend {
            crate::open::Backend::Sqlite(p, ..) => p,
            crate::open::Backend::Postgres(_) => panic!("these tests open SQLite files"),
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

    /// A database written before words without spaces were indexed (migration 0025): opening
    /// it indexes its articles that have such words, and only those, and the index stays whole.
    #[tokio::test]
    async fn an_older_database_gets_its_words_without_spaces_indexed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path).create_if_missing(true);
        let old = SqlitePool::connect_with(options).await.unwrap();
        let before: Vec<&Migration> = SQLITE.iter().filter(|m| m.version < 25).collect();
        assert_eq!(before.len(), 24);
        let older = &SQLITE[..24];
        let applied: Result<(), StoreError> = async { apply!(&old, older, "INTEGER", "?, ?, ?, ?") }.await;
        applied.unwrap();
        for (id, seq, title, body) in [
            ("0192f000-0000-7000-8000-00000000000a", 1, "港口大桥重新开放", "经过三周的维修，港口大桥今天重新开放。"),
            ("0192f000-0000-7000-8000-00000000000b", 2, "Harbour bridge reopens", "The bridge reopened on Monday."),
        ] {
            sqlx::query(
                "INSERT INTO articles (id, seq, title, summary, body_text, body_html, created_at, modified_at, sort_at) \
                 VALUES (?, ?, ?, '', ?, '', ?, ?, ?)",
            )
            .bind(id)
            .bind(seq)
            .bind(title)
            .bind(body)
            .bind(time::to_db(time::now()))
            .bind(time::to_db(time::now()))
            .bind(time::to_db(time::now()))
            .execute(&old)
            .await
            .unwrap();
        }
        old.close().await;
        let store = Store::open(path.to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        let unspaced: Vec<(String, Option<String>)> =
            sqlx::query_as("SELECT id, unspaced FROM articles ORDER BY id").fetch_all(pool(&store)).await.unwrap();
        assert!(unspaced[0].0.ends_with('a'));
        assert!(unspaced[0].1.as_deref().is_some_and(|u| u.starts_with("港 口 大 桥")), "{unspaced:?}");
        assert_eq!(unspaced[1].1.as_deref(), Some(""));
        assert_eq!(store.search("大桥", 0, 10).await.unwrap().total, 1);
        assert_eq!(store.search("bridge", 0, 10).await.unwrap().total, 1);
        for index in ["articles_fts", "articles_unspaced_fts"] {
            let check = format!("INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)");
            sqlx::raw_sql(sqlx::AssertSqlSafe(check)).execute(pool(&store)).await.unwrap();
        }
        // An article whose words change is indexed anew.
        sqlx::query(
            "UPDATE articles SET body_text = '渡轮服务恢复正常。', unspaced = '渡 轮 服 务 恢 复 正 常' WHERE seq = 1",
        )
        .execute(pool(&store))
        .await
        .unwrap();
        assert_eq!(store.search("大桥", 0, 10).await.unwrap().total, 0);
        assert_eq!(store.search("渡轮", 0, 10).await.unwrap().total, 1);
        sqlx::query("DELETE FROM articles WHERE seq = 1").execute(pool(&store)).await.unwrap();
        assert_eq!(store.search("渡轮", 0, 10).await.unwrap().total, 0);
        sqlx::query("INSERT INTO articles_unspaced_fts (articles_unspaced_fts, rank) VALUES ('integrity-check', 1)")
            .execute(pool(&store))
            .await
            .unwrap();
    }

    /// Opening a database that is up to date takes no write lock: another process may hold it
    /// (a crawl writing while `newsdesk export` opens the file).
    #[tokio::test]
    async fn opening_an_up_to_date_database_waits_for_no_writer() {
        let (dir, store) = fresh().await;
        let path = dir.path().join("t.db");
        let mut writer =
            <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!("sqlite:{}", path.display())).await.unwrap();
        sqlx::raw_sql("BEGIN IMMEDIATE").execute(&mut writer).await.unwrap();
        let options = StoreOptions { busy_timeout: std::time::Duration::from_millis(200), ..StoreOptions::default() };
        let again = Store::open(path.to_str().unwrap(), &options).await;
        assert!(again.is_ok(), "{:?}", again.err());
        sqlx::raw_sql("ROLLBACK").execute(&mut writer).await.unwrap();
        store.close().await;
    }

    #[tokio::test]
    async fn an_edited_migration_is_refused() {
        let (_dir, store) = fresh().await;
        sqlx::query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
            .execute(pool(&store))
            .await
            .unwrap();
        let err = run_sqlite(pool(&store)).await.unwrap_err();
        assert!(matches!(err, StoreError::MigrationChanged { version: 1, .. }), "{err}");
    }

    #[tokio::test]
    async fn a_newer_database_is_refused() {
        let (_dir, store) = fresh().await;
        sqlx::query("INSERT INTO schema_migrations VALUES (999, 'future', 'x', 'now')")
            .execute(pool(&store))
            .await
            .unwrap();
        let err = run_sqlite(pool(&store)).await.unwrap_err();
        assert!(err.to_string().contains("newer version"), "{err}");
    }

    #[tokio::test]
    async fn wal_and_full_sync_are_on() {
        let (_dir, store) = fresh().await;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(sync, 2, "FULL");
        // A crawl's WAL is checkpointed every 16,000 pages, not SQLite's default 1,000.
        let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint").fetch_one(pool(&store)).await.unwrap();
        assert_eq!(pages, 16_000);
    }
}
