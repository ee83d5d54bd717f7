//! The feed parser: bytes and the feed's URL in, a [`ParsedFeed`] out.
//!
//! One lenient parser reads RSS 0.9x, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, JSON Feed 1.0
//! and 1.1, and CDF. Feeds in the wild are broken, so it repairs what it can (charset, HTML
//! entities, bare ampersands, mismatched or missing end tags, messy dates, relative URLs,
//! missing GUIDs) and reports what it repaired or could not read as problems beside the
//! entries. A panic inside is caught and becomes an error for that feed.

mod atom;
mod cdf;
mod charset;
mod entities;
mod html;
mod identity;
mod json;
mod media;
mod rss;
mod xml;

use chrono::{DateTime, Utc};
use newsdesk_model::SafeHtml;
use url::Url;

pub use identity::{canonical_link, content_hash};
pub use media::web_image;

/// Resolves entity and character references in text from HTML or XML.
#[must_use]
pub fn entities_unescape(raw: &str) -> String {
    entities::unescape(raw)
}

/// The forgiving XML tree, for other XML formats of this crate (OPML).
pub(crate) fn parse_xml_tree(text: &str) -> Result<xml::Document, String> {
    xml::parse(text.trim_start_matches('\u{feff}'), usize::MAX)
}

/// Largest feed document read.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;
/// Most entries read from one feed.
pub const MAX_ENTRIES: usize = 2_000;

/// Which format a feed is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    Rss,
    Rdf,
    Atom10,
    Atom03,
    JsonFeed,
    /// Microsoft's Channel Definition Format.
    Cdf,
}

/// What a feed says about itself and its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub format: FeedFormat,
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<Url>,
    pub language: Option<String>,
    /// RSS `<ttl>`: how many minutes the feed may be cached.
    pub ttl_minutes: Option<u32>,
    /// RSS `<skipHours>`: hours (UTC, 0-23) in which not to poll.
    pub skip_hours: Vec<u8>,
    pub entries: Vec<ParsedEntry>,
    /// What was repaired or could not be read, in words for the feed's status.
    pub problems: Vec<String>,
    /// The encoding the bytes were read with.
    pub encoding: &'static str,
}

/// One entry, as the feed gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEntry {
    /// The feed's own id for the entry (RSS guid, Atom id, JSON Feed id).
    pub guid: Option<String>,
    /// The entry's page, absolute.
    pub url: Option<Url>,
    /// Empty when the entry has none (RSS needs a title or a description, not both).
    pub title: String,
    /// A separate summary, when the feed gives both a summary and content.
    pub summary: Option<String>,
    /// The fullest content the feed gives, sanitized, with absolute addresses.
    pub content: SafeHtml,
    /// `content` as plain text, one paragraph per line.
    pub text: String,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub categories: Vec<String>,
    /// The lead image: the feed's media or image enclosure, else the first picture in the
    /// content; absolute http(s).
    pub image: Option<Url>,
}

/// Why a document could not be read as a feed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("the document is empty")]
    Empty,
    #[error("the document is {0} bytes; feeds larger than 32 MiB are not read")]
    TooLarge(usize),
    #[error("this is not a feed: {0}")]
    NotAFeed(String),
    #[error("the JSON Feed cannot be read: {0}")]
    BadJson(String),
    #[error("the parser failed on this feed ({0}); it was skipped")]
    Panicked(String),
}

/// Reads a feed. `content_type` is the HTTP header (for its charset), `feed_url` the address it
/// was fetched from (the base for relative URLs).
///
/// # Errors
/// [`FeedError`] when nothing could be read as a feed. Problems with single entries or parts of
/// the document are in [`ParsedFeed::problems`] instead.
pub fn parse_feed(bytes: &[u8], content_type: Option<&str>, feed_url: &Url) -> Result<ParsedFeed, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge(bytes.len()));
    }
    match std::panic::catch_unwind(|| parse_unguarded(bytes, content_type, feed_url)) {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(FeedError::Panicked(what.chars().take(200).collect()))
        }
    }
}

fn parse_unguarded(bytes: &[u8], content_type: Option<&str>, feed_url: &Url) -> Result<ParsedFeed, FeedError> {
    let (text, encoding) = charset::decode(bytes, content_type);
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return Err(FeedError::Empty);
    }
    let mut feed = if trimmed.starts_with('{') {
        json::parse(trimmed, feed_url)?
    } else {
        let doc = xml::parse(trimmed, MAX_ENTRIES).map_err(FeedError::NotAFeed)?;
        let mut feed = match doc.root.name.as_str() {
            "rss" | "channel" => rss::parse(&doc.root, feed_url, FeedFormat::Rss),
            "RDF" => rss::parse(&doc.root, feed_url, FeedFormat::Rdf),
            "feed" => atom::parse(&doc.root, feed_url),
            name if name.eq_ignore_ascii_case("channel") => cdf::parse(&doc.root, feed_url),
            other => {
                let hint =
                    if other.eq_ignore_ascii_case("html") { " (a web page: look for its feed link)" } else { "" };
                return Err(FeedError::NotAFeed(format!("the document's root element is <{other}>{hint}")));
            }
        };
        feed.problems.splice(0..0, doc.problems);
        feed
    };
    feed.encoding = encoding;
    if encoding.contains("stray bytes") {
        feed.problems.push("the feed says UTF-8 but has bytes that are not; those were read as windows-1252".into());
    }
    if feed.entries.len() > MAX_ENTRIES {
        feed.problems
            .push(format!("the feed has {} entries; only the first {MAX_ENTRIES} were read", feed.entries.len()));
        feed.entries.truncate(MAX_ENTRIES);
    }
    Ok(feed)
}

impl ParsedFeed {
    pub(crate) fn empty(format: FeedFormat) -> Self {
        Self {
            format,
            title: None,
            site_url: None,
            language: None,
            ttl_minutes: None,
            skip_hours: Vec::new(),
            entries: Vec::new(),
            problems: Vec::new(),
            encoding: "UTF-8",
        }
    }
}

/// Resolves `href` against `base`; `None` for non-web or unparseable addresses.
pub(crate) fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = base.join(href).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// Builds an entry from its parts: content sanitized against `base`, text derived.
pub(crate) struct EntryParts {
    pub guid: Option<String>,
    pub url: Option<Url>,
    pub title: Option<String>,
    pub summary_html: Option<(String, bool)>,
    pub content_html: Option<(String, bool)>,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub categories: Vec<String>,
    /// The image the feed names for the entry (media, enclosure), if any.
    pub image: Option<Url>,
}

impl EntryParts {
    /// `(markup, is_html)` pairs become sanitized HTML; a missing title stays empty.
    pub(crate) fn build(self, base: &Url) -> ParsedEntry {
        let to_html =
            |(raw, is_html): (String, bool)| if is_html { html::sanitize(&raw, base) } else { html::from_plain(&raw) };
        let summary = self.summary_html.map(to_html);
        let (content, summary) = match (self.content_html.map(to_html), summary) {
            (Some(c), s) if !c.is_empty() => (c, s.filter(|s| !s.is_empty())),
            (_, Some(s)) => (s, None),
            (_, None) => (SafeHtml::default(), None),
        };
        let text = html::to_text(&content);
        let image = self.image.or_else(|| content.first_image().and_then(|src| media::web_image(base, &src)));
        let summary = summary.map(|s| html::to_text(&s)).filter(|s| !s.is_empty());
        // No title is no title: the pipeline titles such a post by its first words, marked.
        let title = self.title.map(|t| html::one_line(&t)).unwrap_or_default();
        ParsedEntry {
            guid: self.guid.map(|g| g.trim().to_owned()).filter(|g| !g.is_empty() && g.len() <= 2048),
            url: self.url,
            title,
            summary,
            content,
            text,
            author: self.author.map(|a| html::one_line(&a)).filter(|a| !a.is_empty()),
            published: self.published,
            updated: self.updated,
            categories: self.categories.into_iter().map(|c| html::one_line(&c)).filter(|c| !c.is_empty()).collect(),
            image,
        }
    }
}

#[cfg(test)]
mod tests;
