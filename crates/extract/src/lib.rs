//! Article pages in, clean articles out. Pure: bytes (and the address they came from) in, an
//! [`Extracted`] out; no I/O, no clock but the deadline the caller gives.
//!
//! What it does: decodes the page ([`decode`]: byte-order mark, header charset, `<meta
//! charset>`, then UTF-8 or windows-1252), cuts out scripts, styles and comments ([`strip`]),
//! parses it into a bounded arena ([`dom`]), reads the
//! metadata ([`meta`]: JSON-LD, then OpenGraph/Twitter/`<meta>`, then `<time>` and the page),
//! finds the article ([`content`]: paragraphs of prose vote for the elements that hold them),
//! and writes it out as plain text and as allowlisted HTML ([`render`]). Pages that are not
//! articles (home pages, section fronts, galleries, paywall stubs, error pages) are recognised
//! ([`kind`]) and come back with no text and a reason.
//!
//! What it never does: panic on bad input, read past its size limits, or keep parsing past the
//! deadline. Garbage yields an empty result with a reason.

mod classify;
mod content;
mod decode;
mod dom;
mod furniture;
mod kind;
mod lexicon;
mod meta;
mod render;
mod strip;
mod thread;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::Serialize;
use url::Url;

pub use kind::NotArticle;

/// Pages larger than this are read up to this size only.
pub const MAX_PAGE_BYTES: usize = 5 * 1024 * 1024;

/// How long one page may take by default.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(2);

/// A page to extract.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The bytes as fetched (or read from a file).
    pub bytes: &'a [u8],
    /// The HTTP `Content-Type`, whose charset outranks the page's own.
    pub content_type: Option<&'a str>,
    /// Where the page came from: relative links and images are made absolute against it.
    pub url: Option<&'a Url>,
}

/// What was extracted from one page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub modified: Option<DateTime<Utc>>,
    pub canonical_url: Option<Url>,
    pub image: Option<Url>,
    pub site_name: Option<String>,
    /// The language the page declares (JSON-LD, `<html lang>`, meta), normalised (`en`, `pt-BR`).
    pub language: Option<String>,
    /// The page's own description (meta description or JSON-LD).
    pub description: Option<String>,
    /// The article as plain text: one paragraph per line.
    pub text: String,
    /// The article as HTML built from an allowlist of tags and attributes, links absolute.
    pub html: String,
    /// Why the page is not an article, when it is not one. The text found (if any) is kept:
    /// the caller decides, and the pipeline keeps the feed's own content instead.
    pub not_article: Option<NotArticle>,
    /// Set when the page was too big, too deep or too slow and only its beginning was read.
    pub truncated: Option<&'static str>,
}

impl Extracted {
    /// Whether an article was found.
    #[must_use]
    pub fn is_article(&self) -> bool {
        self.not_article.is_none()
    }

    /// Number of words of article text.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Extracts the article of `page` within [`DEFAULT_DEADLINE`].
#[must_use]
pub fn extract(page: Page<'_>) -> Extracted {
    extract_until(page, Instant::now() + DEFAULT_DEADLINE)
}

/// Extracts the article of `page`; parsing stops at `deadline`, keeping what was read.
#[must_use]
pub fn extract_until(page: Page<'_>, deadline: Instant) -> Extracted {
    let mut truncated = None;
    let bytes = if page.bytes.len() > MAX_PAGE_BYTES {
        truncated = Some("the page is larger than 5 MiB; only its first 5 MiB were read");
        &page.bytes[..MAX_PAGE_BYTES]
    } else {
        page.bytes
    };
    let html = match decode::decode(bytes, page.content_type) {
        Ok(h) => h,
        Err(decode::Undecodable::Empty) => return refused(NotArticle::Empty, truncated),
        Err(decode::Undecodable::Binary) => return refused(NotArticle::Binary, truncated),
    };
    let dom = dom::Dom::parse(&strip::strip_inert(&html), deadline);
    truncated = truncated.or(match dom.truncated {
        Some(dom::Truncation::Nodes) => Some("the page has too many elements; only its beginning was read"),
        Some(dom::Truncation::Depth) => Some("the page nests elements too deeply; only its beginning was read"),
        Some(dom::Truncation::Time) => Some("the page took too long to read; only its beginning was read"),
        None => None,
    });
    let order = dom.preorder();
    let metadata = meta::read(&dom, &order, page.url);
    let measure = content::Measure::of(&dom, &order);
    let choice = content::choose(&dom, &order, &measure);
    let rendered =
        choice.as_ref().map(|c| render::render(&dom, &measure, c, metadata.base.as_ref())).unwrap_or_default();
    // The verdict reads what is written, not the link lists the rendering left out.
    let chosen = rendered
        .kept
        .densities()
        .or_else(|| choice.as_ref().map(|c| measure.choice_densities(c)))
        .unwrap_or((1.0, 1.0));
    let verdict = kind::judge(&measure, &metadata, &rendered, chosen);
    Extracted {
        title: metadata.title,
        byline: metadata.byline,
        published: metadata.published,
        modified: metadata.modified,
        canonical_url: metadata.canonical,
        image: metadata.image,
        site_name: metadata.site_name,
        language: metadata.language,
        description: metadata.description,
        text: rendered.text,
        html: rendered.html,
        not_article: verdict,
        truncated,
    }
}

/// For developers (`cargo run --example explain`): the elements that scored best, and the choice.
#[doc(hidden)]
#[must_use]
pub fn explain(bytes: &[u8], snippet: Option<&str>) -> String {
    let Ok(html) = decode::decode(bytes, None) else { return "undecodable".to_owned() };
    let dom = dom::Dom::parse(&strip::strip_inert(&html), Instant::now() + DEFAULT_DEADLINE);
    let order = dom.preorder();
    let measure = content::Measure::of(&dom, &order);
    content::explain(&dom, &order, &measure, snippet)
}

fn refused(reason: NotArticle, truncated: Option<&'static str>) -> Extracted {
    Extracted { not_article: Some(reason), truncated, ..Extracted::default() }
}
