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
    /// Wraps one address of the usual form (`local@domain.tld`): one `@`, a local part without
    /// the characters that separate or quote addresses, a domain of letters, digits and hyphens
    /// in dot-separated labels. Lists (`a@b.test,c@d.test`) and header tricks (`%0d%0aBcc:`)
    /// are refused.
    #[must_use]
    pub fn parse(input: &str) -> Option<Self> {
        let input = input.trim();
        let (local, domain) = input.split_once('@')?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !matches!(c, '@' | ',' | ';' | ':' | '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '"' | '%')
            });
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        (local_ok && domain_ok && input.len() <= 254).then(|| Self(input.to_owned()))
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
        for bad in [
            "",
            "no-at",
            "@example.org",
            "a@b",
            "a b@example.org",
            "a@.example.org",
            "a@b.test,c@d.test",
            "a@b.test%0d%0aBcc:x@evil.test",
            "a@b.test\r\nBcc: x@evil.test",
            "\"a\"@b.test",
            "a@b_c.test",
            "a..b@c.test",
            "a@-b.test",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
        for good in ["mara.okafor@mail.example", "a+news@b.co.uk", "o'brien@harbour.example", "ana@café.example"] {
            assert!(Email::parse(good).is_some(), "{good}");
        }
    }
}
