//! Outlets ([`Source`]) and their feeds ([`Feed`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::ids::{FeedId, SourceId};

/// An outlet: a news site that publishes articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    /// The outlet's name as readers know it ("The Harbour Gazette").
    pub name: String,
    pub homepage: Url,
    /// The registrable domain of the home page ("harbourgazette.example"), one per outlet.
    pub domain: String,
    /// Where the name came from: `domain` (none known yet), `feed` (a feed's title), `site`
    /// (the site's own name on its pages) or `operator` (renamed by hand).
    pub named_by: String,
    pub created_at: DateTime<Utc>,
}

/// One feed of an outlet, with its polling state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub id: FeedId,
    pub source_id: SourceId,
    /// Where the feed is fetched from (updated when it moves permanently).
    pub url: Url,
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<Url>,
    /// A paused feed is not polled.
    pub paused: bool,
    /// Validators from the last successful fetch, for a conditional GET.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_polled_at: Option<DateTime<Utc>>,
    pub next_poll_at: DateTime<Utc>,
    pub last_status: FeedStatus,
    /// The last error, in words a user understands.
    pub last_error: Option<String>,
    /// Failed polls in a row.
    pub error_count: u32,
    /// Entries stored from this feed.
    pub item_count: u64,
    /// The polling interval the scheduler chose last, in seconds.
    pub poll_interval_secs: u32,
    /// Whether the article pages of this feed's entries are fetched for their full text.
    pub full_text: FullText,
    pub created_at: DateTime<Utc>,
}

/// Whether newsdesk fetches an entry's article page for its full text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FullText {
    /// When the feed's content looks partial: short, cut off ("…", "Read more"), or only a
    /// summary.
    #[default]
    Auto,
    /// For every new or changed entry.
    Always,
    /// Never: the feed's content is the article.
    Never,
}

impl FullText {
    /// The stored spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Always => "always",
            Self::Never => "never",
        }
    }

    /// Reads the stored (or typed) spelling.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Self::Auto,
            "always" => Self::Always,
            "never" => Self::Never,
            _ => return None,
        })
    }
}

/// How the last poll of a feed went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedStatus {
    /// Not polled yet.
    New,
    /// Fetched and parsed.
    Ok,
    /// The server said nothing changed (304).
    NotModified,
    /// The poll failed; see `last_error`.
    Error,
}

impl FeedStatus {
    /// The stored spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Ok => "ok",
            Self::NotModified => "not_modified",
            Self::Error => "error",
        }
    }

    /// Reads the stored spelling.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "new" => Self::New,
            "ok" => Self::Ok,
            "not_modified" => Self::NotModified,
            "error" => Self::Error,
            _ => return None,
        })
    }
}
