//! Throwaway stores on both backends, and [`TestDb`], the store a
//! [`both_backends`](crate::both_backends) test is given: SQLite always; PostgreSQL when
//! `NEWSDESK_TEST_POSTGRES_URL` names a server (CI sets it, and `NEWSDESK_POSTGRES_TESTS=required`
//! there turns a missing server into a failure).

use newsdesk_store::{Store, StoreOptions};

/// A store on a fresh SQLite file, removed when the value is dropped.
pub type TestStore = sqlite::TestStore;

/// Stores on SQLite files.
pub mod sqlite {
    use super::{Store, StoreOptions};

    /// A store on a fresh SQLite file, removed when the value is dropped.
    #[derive(Debug)]
    pub struct TestStore {
        pub store: Store,
        /// Keeps the directory (and the database file) alive.
        pub dir: tempfile::TempDir,
    }

    impl TestStore {
        /// Opens an empty store.
        ///
        /// # Panics
        /// When no temporary directory or database can be made: a broken test machine.
        #[allow(clippy::expect_used)]
        pub async fn new() -> Self {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path = dir.path().join("test.db");
            let store = Store::open(path.to_str().expect("a UTF-8 temp path"), &StoreOptions::default())
                .await
                .expect("a fresh store opens");
            Self { store, dir }
        }

        /// Where the database is, to open it again.
        #[must_use]
        pub fn path(&self) -> String {
            self.dir.path().join("test.db").display().to_string()
        }

        /// [`TestStore::new`], with a handle on its store.
        pub async fn with_store() -> (Self, Store) {
            let db = Self::new().await;
            let store = db.store.clone();
            (db, store)
        }
    }

    /// SQLite needs no server: its tests always run.
    #[must_use]
    pub fn ready() -> bool {
        true
    }
}

/// Stores in fresh schemas on the PostgreSQL server of `NEWSDESK_TEST_POSTGRES_URL`.
pub mod postgres {
    use sqlx::Connection;

    use super::{Store, StoreOptions};

    /// A store in a fresh schema of its own (`newsdesk_test_<uuid>`), dropped with the value.
    #[derive(Debug)]
    pub struct TestStore {
        pub store: Store,
        location: String,
        schema: String,
    }

    impl TestStore {
        /// Opens an empty store in a new schema.
        ///
        /// # Panics
        /// Without `NEWSDESK_TEST_POSTGRES_URL`, or when the server refuses: tests call
        /// [`ready`] first.
        #[allow(clippy::expect_used)]
        pub async fn new() -> Self {
            let url = server().expect("NEWSDESK_TEST_POSTGRES_URL names the test server");
            let schema = format!("newsdesk_test_{}", uuid::Uuid::now_v7().simple());
            let mut conn = sqlx::PgConnection::connect(&url).await.expect("the test server answers");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                .execute(&mut conn)
                .await
                .expect("a test schema");
            let separator = if url.contains('?') { '&' } else { '?' };
            let location = format!("{url}{separator}options[search_path]={schema}");
            let store = Store::open(&location, &StoreOptions::default()).await.expect("a fresh store opens");
            Self { store, location, schema }
        }

        /// Where the database is, to open it again.
        #[must_use]
        pub fn path(&self) -> String {
            self.location.clone()
        }

        /// [`TestStore::new`], with a handle on its store.
        pub async fn with_store() -> (Self, Store) {
            let db = Self::new().await;
            let store = db.store.clone();
            (db, store)
        }
    }

    impl Drop for TestStore {
        fn drop(&mut self) {
            // Best effort, off the test's runtime: a schema left behind is only clutter.
            let (Some(url), schema) = (server(), self.schema.clone()) else { return };
            std::thread::spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
                runtime.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&url).await {
                        let drop = format!("DROP SCHEMA IF EXISTS {schema} CASCADE");
                        let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(drop)).execute(&mut conn).await;
                    }
                });
            });
        }
    }

    fn server() -> Option<String> {
        std::env::var("NEWSDESK_TEST_POSTGRES_URL").ok().filter(|u| !u.trim().is_empty())
    }

    /// True when a test server is named. Without one the PostgreSQL tests pass over (with a
    /// line on stderr), unless `NEWSDESK_POSTGRES_TESTS=required`.
    ///
    /// # Panics
    /// When the tests are required and no server is named.
    #[must_use]
    pub fn ready() -> bool {
        if server().is_some() {
            return true;
        }
        assert!(
            std::env::var("NEWSDESK_POSTGRES_TESTS").as_deref() != Ok("required"),
            "NEWSDESK_POSTGRES_TESTS=required but NEWSDESK_TEST_POSTGRES_URL is not set"
        );
        eprintln!("skipped on PostgreSQL: set NEWSDESK_TEST_POSTGRES_URL to run it");
        false
    }
}

/// The database a [`TestDb`] lives on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A store on a fresh database of either backend, removed when dropped: what a
/// [`both_backends`](crate::both_backends) test receives.
#[derive(Debug)]
pub struct TestDb {
    pub store: Store,
    held: Held,
}

/// What keeps the database alive (and removes it when dropped).
#[derive(Debug)]
enum Held {
    Sqlite(sqlite::TestStore),
    Postgres(postgres::TestStore),
}

impl TestDb {
    /// A store on a fresh SQLite file.
    pub async fn sqlite() -> Self {
        let db = sqlite::TestStore::new().await;
        Self { store: db.store.clone(), held: Held::Sqlite(db) }
    }

    /// A store in a fresh PostgreSQL schema, or `None` when no test server is named (see
    /// [`postgres::ready`]).
    pub async fn postgres() -> Option<Self> {
        if !postgres::ready() {
            return None;
        }
        let db = postgres::TestStore::new().await;
        Some(Self { store: db.store.clone(), held: Held::Postgres(db) })
    }

    /// Another fresh store on the same backend, for a test that needs two.
    pub async fn another(&self) -> Self {
        match self.held {
            Held::Sqlite(_) => Self::sqlite().await,
            Held::Postgres(_) => {
                let db = postgres::TestStore::new().await;
                Self { store: db.store.clone(), held: Held::Postgres(db) }
            }
        }
    }

    /// Which backend this store is on.
    #[must_use]
    pub fn backend(&self) -> Backend {
        match self.held {
            Held::Sqlite(_) => Backend::Sqlite,
            Held::Postgres(_) => Backend::Postgres,
        }
    }

    /// Where the database is, to open it again.
    #[must_use]
    pub fn path(&self) -> String {
        match &self.held {
            Held::Sqlite(db) => db.path(),
            Held::Postgres(db) => db.path(),
        }
    }
}
