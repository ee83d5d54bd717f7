//! Reader comments. The discussion itself (forms, moderation, threads) arrives with the web
//! site issue; the vocabulary is here so that every crate agrees on it.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::ids::{ArticleId, CommentId};

/// A commenter's email address. It is stored, and never shown: `Debug` and `Display` redact
/// it, and it deliberately does not implement `Serialize`, so it cannot leak into a page, a
/// feed, an API response or a log line by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Wraps an address that has been checked to look like one (`local@domain.tld`).
    #[must_use]
    pub fn parse(input: &str) -> Option<Self> {
        let input = input.trim();
        let (local, domain) = input.split_once('@')?;
        let ok = !local.is_empty()
            && input.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !input.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then(|| Self(input.to_owned()))
    }

    /// The address, for the store and for sending mail; never for output.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Where a comment is in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentStatus {
    /// Held until a moderator approves it.
    Pending,
    /// Visible, and counted in the article's comment count.
    Approved,
    /// Marked as spam by a moderator or a filter.
    Spam,
}

/// A reader's comment under an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: CommentId,
    pub article_id: ArticleId,
    pub parent_id: Option<CommentId>,
    pub author_name: String,
    pub author_email: Email,
    pub author_url: Option<url::Url>,
    /// Plain text; escaped on output.
    pub body: String,
    pub status: CommentStatus,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_never_prints() {
        let e = Email::parse("reader@example.org").unwrap();
        assert_eq!(format!("{e} {e:?}"), "<redacted> Email(<redacted>)");
        assert_eq!(e.expose(), "reader@example.org");
    }

    #[test]
    fn email_parse_rejects_garbage() {
        for bad in ["", "no-at", "@example.org", "a@b", "a b@example.org", "a@.example.org"] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }
}
