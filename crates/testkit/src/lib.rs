//! Test helpers shared by newsdesk's crates. A dev-dependency only: no shipped crate may
//! depend on it (the architecture test checks).
//!
//! What it does: throwaway stores on either backend (a SQLite file in a temporary directory, or
//! a fresh schema on the PostgreSQL server of `NEWSDESK_TEST_POSTGRES_URL`), [`both_backends`]
//! to run one test on each (`#[both_backends] async fn name(db: TestDb)`), and
//! self-written fixture articles with fixed ids and times, so that snapshots are stable.

mod backends;
pub mod http;
mod xml;

pub use backends::{Backend, TestDb, TestStore, postgres, sqlite};
pub use newsdesk_testkit_macros::both_backends;
pub use xml::assert_well_formed_xml;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_model::{ArticleId, ArticleUpsert};
use uuid::Uuid;

/// A fixed article id for fixture `n`, the same in every run.
#[must_use]
pub fn fixture_id(n: u16) -> ArticleId {
    ArticleId::from_uuid(Uuid::from_u128(0x0190_c6a2_1b1e_7c3d_9a4f_0000_0000_0000 | u128::from(n)))
}

/// A comment on `article` from commenter `n`, who has not commented before (so it is held for
/// moderation), saying `body`.
///
/// # Panics
/// Never: the fixture's address is a valid one.
#[allow(clippy::expect_used)]
#[must_use]
pub fn fixture_comment(n: u16, article: ArticleId, body: &str) -> newsdesk_store::NewComment {
    newsdesk_store::NewComment {
        article,
        parent: None,
        author_name: format!("Reader {n}"),
        author_email: newsdesk_model::Email::parse(&format!("reader{n}@mail.example")).expect("a valid address"),
        author_url: None,
        body: body.to_owned(),
        ip_key: "fixture".into(),
        staff: false,
    }
}

/// A feed to follow at `url` (titled by its outlet's home page later, if ever).
///
/// # Panics
/// For an address that does not parse: a broken test.
#[allow(clippy::expect_used)]
#[must_use]
pub fn fixture_feed(url: &str) -> newsdesk_store::NewFeed {
    newsdesk_store::NewFeed { url: Some(url.parse().expect("a valid feed address")), ..Default::default() }
}

/// A feed entry keyed `key` (as the store keys entries: `guid:...`, `link:...`) holding an
/// article with `title` and `body`; its content hash changes with either.
#[must_use]
pub fn fixture_entry(key: &str, title: &str, body: &str) -> newsdesk_store::IncomingEntry {
    newsdesk_store::IncomingEntry {
        key: key.to_owned(),
        content_hash: format!("{title}|{body}"),
        article: ArticleUpsert { title: title.to_owned(), body_text: body.to_owned(), ..ArticleUpsert::default() },
    }
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
