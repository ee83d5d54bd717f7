//! The ingestion pipeline: the stages in order, for each feed that is due.
//!
//! What it does: [`poll_feed`] fetches a feed politely (conditional GET), parses it, turns its
//! entries into articles ([`entries::to_incoming`]), fetches the article pages of entries whose
//! content is partial and extracts their full text ([`full_text`]), stores them, and records
//! the feed's status
//! and next poll time ([`schedule::next_poll`]); [`crawl`] does that for many feeds with
//! bounded concurrency; [`run_scheduler`] keeps doing it inside `newsdesk serve`;
//! [`discover_feed`] finds a site's feed from its home page.
//!
//! What it deliberately does not do: SQL (the store does), HTTP details (the fetcher does),
//! or parsing (the feeds and extract crates do). `schedule` and `entries` are pure.

mod crawl;
mod discover;
pub mod entries;
pub mod full_text;
mod poll;
pub mod schedule;
mod story_desk;
mod story_presentation;
pub mod understand;

pub use crawl::{CrawlScope, CrawlSummary, crawl, lease_owner, run_scheduler};
pub use discover::{DiscoverError, Discovered, discover_feed};
pub use full_text::FullTextConfig;
pub use poll::{PollConfig, PollOutcome, PollResult, poll_feed};
pub use schedule::ScheduleConfig;
pub use story_desk::{Desk, Replay, StoryDesk, WARM_UP_DAYS};
pub use story_presentation::READERS_LANGUAGE;
