//! The only place in newsdesk that knows SQL.
//!
//! What it does: opens the database (an embedded SQLite file in WAL mode by default, or a
//! PostgreSQL database for several machines), applies the append-only migrations embedded in
//! the binary, and offers one API named after use cases ([`Store::upsert_article`],
//! [`Store::recent_articles`], [`Store::search`], ...), the same on both backends. Full-text
//! search is SQLite FTS5 ranked by BM25, or PostgreSQL's tsvector ranked by `ts_rank`, with
//! highlighted snippets returned as structured parts so that callers escape them on output.
//! [`Store::copy_to`] moves a SQLite database into PostgreSQL.
//!
//! What it deliberately does not do: parse outside formats, render HTML, or decide policy. It
//! validates every write ([`newsdesk_model::ArticleUpsert::validated`]) because it is the last
//! line before the disk.

mod articles;
mod comments;
mod copy;
mod db;
mod error;
mod feeds;
mod ingest;
mod migrate;
mod open;
mod operations;
mod process_leases;
mod readers;
mod rows;
mod search;
mod sources;
mod story_views;
mod time;
mod understanding;
mod users;

pub use articles::{ArticleCard, Outlet, Page, UpsertOutcome};
pub use comments::{
    CommentOutcome, CommentPage, CommentRefusal, HeldComment, MAX_DEPTH, Moderation, NewComment, PublicComment,
};
pub use copy::TableCheck;
pub use error::StoreError;
pub use feeds::{NewFeed, PollRecord};
pub use ingest::{IncomingEntry, IngestReport, Revision};
pub use open::{Store, StoreOptions};
pub use search::{ParsedQuery, QueryError, SEARCH_DEPTH, SearchHit, SearchResults, SnippetPart, search_too_deep};
pub use sources::OutletNaming;
pub use story_views::{ArticleContext, EntityCount, EntityView, Headline, StoryCard, StoryView, TimelineEntry};
pub use understanding::{EntityRecord, Placed, Presented, StoryMember, UnderstandingInput, Understood, fold_name};
pub use users::{MAX_SAVED_SEARCHES, SavedSearch, SessionUser, SignInAttempt, SignInLimit};
