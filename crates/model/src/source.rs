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
    pub created_at: DateTime<Utc>,
}

/// One feed of an outlet. Polling state (schedule, validators, errors) arrives with feed
/// ingestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub id: FeedId,
    pub source_id: SourceId,
    pub url: Url,
    pub title: Option<String>,
    pub created_at: DateTime<Utc>,
}
