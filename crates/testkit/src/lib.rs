//! Test helpers shared by newsdesk's crates. A dev-dependency only: no shipped crate may
//! depend on it (the architecture test checks).
//!
//! What it does: throwaway stores on a real SQLite file in a temporary directory, and
//! self-written fixture articles with fixed ids and times, so that snapshots are stable.

pub mod http;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert};
use newsdesk_store::{Store, StoreOptions};
use uuid::Uuid;

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

    /// The database file's path, to open it again.
    #[must_use]
    pub fn path(&self) -> String {
        self.dir.path().join("test.db").display().to_string()
    }
}

/// A fixed article id for fixture `n`, the same in every run.
#[must_use]
pub fn fixture_id(n: u16) -> ArticleId {
    ArticleId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_0000_0000_0000 | u128::from(n)))
}

/// A fixed time: 2026-05-`day` at 09:30 UTC.
///
/// # Panics
/// For a day that May does not have.
#[allow(clippy::expect_used)]
#[must_use]
pub fn fixture_time(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, day, 9, 30, 0).single().expect("a valid May day")
}

/// Fixture article `n`: a short, self-written report with fixed id and publication day.
#[must_use]
pub fn fixture_article(n: u16, title: &str, body: &str) -> ArticleUpsert {
    ArticleUpsert {
        id: Some(fixture_id(n)),
        title: title.to_owned(),
        summary: format!("{title}: the short version."),
        body_text: body.to_owned(),
        byline: Some("Desk Reporter".to_owned()),
        published_at: Some(fixture_time(u32::from(n % 28) + 1)),
        language: Some("en".to_owned()),
        original_domain: Some("www.harbourgazette.example".to_owned()),
        comment_count: u32::from(n % 3),
        ..ArticleUpsert::default()
    }
}
