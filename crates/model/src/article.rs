//! Articles: the stored record ([`Article`]) and the write-side input ([`ArticleUpsert`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::domain::normalize_host;
use crate::html::{SafeHtml, paragraphs_to_html};
use crate::ids::{ArticleId, FeedId, SourceId};
use crate::validate::{ValidationError, limits};

/// One stored article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Kept from an import; a v7 UUID for articles newsdesk creates.
    pub id: ArticleId,
    /// One line.
    pub title: String,
    /// True when the outlet gave no title and `title` was made from the first words.
    #[serde(default)]
    pub title_derived: bool,
    /// The short summary shown above the body.
    pub summary: String,
    /// The summary the feed gave, when the article came from a feed that gave one; kept
    /// beside `summary`, which newsdesk writes for feed articles.
    #[serde(default)]
    pub feed_summary: Option<String>,
    /// The body as plain text, one paragraph per line.
    pub body_text: String,
    /// The body as sanitized HTML.
    pub body_html: SafeHtml,
    /// Who wrote it, as the outlet credits it.
    pub byline: Option<String>,
    /// When the outlet published it.
    pub published_at: Option<DateTime<Utc>>,
    /// When the outlet last changed it.
    pub updated_at: Option<DateTime<Utc>>,
    /// A language tag such as `en` or `pt-BR`.
    pub language: Option<String>,
    /// The article's canonical URL.
    pub url: Option<Url>,
    /// The URL of the original this article was syndicated or rewritten from.
    pub original_url: Option<Url>,
    /// The host of the original source ("www.example.org").
    pub original_domain: Option<String>,
    /// The article's lead image on the outlet's site (from the feed's media, an enclosure or
    /// the page's metadata). Pages show it through the image proxy, never from its host.
    #[serde(default)]
    pub image_url: Option<Url>,
    /// Comments as a count: those approved here, plus, for an imported article, those its
    /// previous site showed (the page format's count).
    pub comment_count: u32,
    /// Comments approved here: the ones readers can read.
    #[serde(default)]
    pub comments_here: u32,
    /// The outlet that published it, when known.
    pub source_id: Option<SourceId>,
    /// The feed it came from, when known.
    pub feed_id: Option<FeedId>,
    /// When newsdesk first stored it.
    pub created_at: DateTime<Utc>,
    /// When newsdesk last changed its row.
    pub modified_at: DateTime<Utc>,
}

impl Article {
    /// Where the "Original Source" link points: the original's URL, else its site's home page.
    #[must_use]
    pub fn original_link(&self) -> Option<String> {
        if let Some(url) = &self.original_url {
            return Some(url.to_string());
        }
        self.original_domain.as_ref().map(|d| format!("https://{d}/"))
    }
}

/// What a writer knows about an article: an importer, later the feed pipeline.
///
/// Re-upserting an id updates that article. The required fields (title, summary, body,
/// comment count) replace what is stored; an optional field that is `None` keeps the stored
/// value, so a format that does not carry bylines does not erase them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleUpsert {
    /// `None` makes a new v7 id.
    pub id: Option<ArticleId>,
    pub title: String,
    /// The outlet gave no title: `title` is made from the first words.
    pub title_derived: bool,
    pub summary: String,
    pub feed_summary: Option<String>,
    /// Plain text, one paragraph per line.
    pub body_text: String,
    /// Sanitized HTML; `None` derives it from `body_text`.
    pub body_html: Option<SafeHtml>,
    pub byline: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    pub language: Option<String>,
    pub url: Option<Url>,
    pub original_url: Option<Url>,
    pub original_domain: Option<String>,
    /// The lead image's address on the outlet's site.
    pub image_url: Option<Url>,
    pub comment_count: u32,
    pub source_id: Option<SourceId>,
    pub feed_id: Option<FeedId>,
}

impl ArticleUpsert {
    /// Checks every field against the rules and limits, and normalises what can be normalised
    /// without losing information: whitespace around the title, the host's case, the body's
    /// line endings, and the HTML body (derived from the text when absent).
    ///
    /// # Errors
    /// The first field that breaks a rule, with what was expected.
    pub fn validated(mut self) -> Result<Self, ValidationError> {
        // Characters XML forbids (NUL, other controls) are not text: they would break every feed
        // the article appears in (and PostgreSQL cannot store NUL). Dropped everywhere.
        for text in [&mut self.title, &mut self.summary, &mut self.body_text]
            .into_iter()
            .chain(self.feed_summary.as_mut())
            .chain(self.byline.as_mut())
        {
            if !text.chars().all(crate::is_xml_char) {
                text.retain(crate::is_xml_char);
            }
        }
        self.body_html = self.body_html.map(SafeHtml::without_nul);
        self.title = self.title.trim().to_owned();
        if self.title.is_empty() {
            return Err(ValidationError::new("title", "is empty; every article needs a title"));
        }
        if self.title.contains(['\n', '\r']) {
            return Err(ValidationError::new("title", "has a line break; a title is one line"));
        }
        check_chars("title", &self.title, limits::TITLE_CHARS)?;
        self.summary = self.summary.trim().to_owned();
        check_chars("summary", &self.summary, limits::SUMMARY_CHARS)?;
        self.feed_summary = self.feed_summary.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        if let Some(fs) = &self.feed_summary {
            check_chars("feed_summary", fs, limits::SUMMARY_CHARS)?;
        }
        self.body_text = normalize_paragraphs(&self.body_text);
        if self.body_text.len() > limits::BODY_BYTES {
            return Err(ValidationError::new(
                "body",
                format!("is {} bytes; the limit is {} bytes", self.body_text.len(), limits::BODY_BYTES),
            ));
        }
        if let Some(html) = &self.body_html {
            if html.as_str().len() > limits::BODY_HTML_BYTES {
                return Err(ValidationError::new(
                    "body_html",
                    format!("is {} bytes; the limit is {} bytes", html.as_str().len(), limits::BODY_HTML_BYTES),
                ));
            }
        } else {
            self.body_html = Some(paragraphs_to_html(&self.body_text));
        }
        if let Some(byline) = &mut self.byline {
            *byline = byline.trim().to_owned();
            check_chars("byline", byline, limits::BYLINE_CHARS)?;
        }
        self.byline = self.byline.filter(|b| !b.is_empty());
        if let Some(lang) = &self.language {
            self.language = Some(normalize_language(lang)?);
        }
        for (field, url) in [("url", &self.url), ("original_url", &self.original_url), ("image_url", &self.image_url)] {
            if let Some(url) = url {
                check_web_url(field, url)?;
            }
        }
        if let Some(domain) = &self.original_domain {
            let host = normalize_host(domain).map_err(|e| ValidationError::new("original_source", e.to_string()))?;
            self.original_domain = Some(host);
        } else if let Some(url) = &self.original_url {
            self.original_domain = url.host_str().map(str::to_ascii_lowercase);
        }
        Ok(self)
    }
}

fn check_chars(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    let n = value.chars().count();
    if n > max {
        return Err(ValidationError::new(field, format!("is {n} characters; the limit is {max}")));
    }
    Ok(())
}

fn check_web_url(field: &'static str, url: &Url) -> Result<(), ValidationError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ValidationError::new(field, format!("`{}` is not an http(s) URL", url.scheme())));
    }
    if url.as_str().len() > limits::URL_BYTES {
        return Err(ValidationError::new(field, format!("is longer than {} bytes", limits::URL_BYTES)));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ValidationError::new(field, "has no host"));
    }
    Ok(())
}

/// One paragraph per line, each trimmed, no blank lines, `\n` line endings.
fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(paragraph);
    }
    out
}

/// A language tag's primary subtag, as written: "de" of "de-DE", "pt" of "pt_BR".
#[must_use]
pub fn primary_language(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or_default()
}

/// `EN_us` -> `en-US`; rejects anything that is not letters and digits in 1-8 character parts
/// starting with a 2-3 letter language.
/// A language tag in its usual spelling (`EN_us` -> `en-US`).
///
/// # Errors
/// When `tag` is not a language tag.
pub fn normalize_language(tag: &str) -> Result<String, ValidationError> {
    let bad = || {
        ValidationError::new(
            "language",
            format!("`{}` is not a language tag such as en or pt-BR", tag.chars().take(40).collect::<String>()),
        )
    };
    let mut parts = tag.trim().split(['-', '_']);
    let lang = parts.next().ok_or_else(bad)?;
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let mut out = lang.to_ascii_lowercase();
    for part in parts {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(bad());
        }
        out.push('-');
        if part.len() == 2 {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            out.push_str(part);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upsert() -> ArticleUpsert {
        ArticleUpsert {
            title: "  Harbour bridge reopens  ".into(),
            summary: "The bridge reopened.".into(),
            body_text: "First paragraph.\r\n\r\n  Second <paragraph>.  \n".into(),
            ..ArticleUpsert::default()
        }
    }

    #[test]
    fn normalises_title_body_and_derives_html() {
        let a = upsert().validated().unwrap();
        assert_eq!(a.title, "Harbour bridge reopens");
        assert_eq!(a.body_text, "First paragraph.\nSecond <paragraph>.");
        assert_eq!(a.body_html.unwrap().as_str(), "<p>First paragraph.</p>\n<p>Second &lt;paragraph&gt;.</p>\n");
    }

    #[test]
    fn nul_characters_are_dropped_from_every_text_field() {
        let a = ArticleUpsert {
            title: "Harbour\0 bridge".into(),
            summary: "Re\0opened.".into(),
            feed_summary: Some("Tea\0ser".into()),
            byline: Some("Desk\0".into()),
            body_text: "One\0.\nTwo.".into(),
            // As an import of exported HTML could carry it.
            body_html: Some(SafeHtml::from_store("<p>One\0.</p>".into())),
            ..upsert()
        }
        .validated()
        .unwrap();
        assert_eq!((a.title.as_str(), a.summary.as_str()), ("Harbour bridge", "Reopened."));
        assert_eq!((a.feed_summary.as_deref(), a.byline.as_deref()), (Some("Teaser"), Some("Desk")));
        assert_eq!(a.body_text, "One.\nTwo.");
        assert_eq!(a.body_html.unwrap().as_str(), "<p>One.</p>");
        // Every character XML forbids, not only NUL: a feed item's `&#1;` breaks no feed.
        let b = ArticleUpsert { title: "Harbour \u{1} dredging\u{b} plan".into(), ..upsert() }.validated().unwrap();
        assert_eq!(b.title, "Harbour  dredging plan");
    }

    #[test]
    fn rejects_empty_and_multiline_titles() {
        let err = ArticleUpsert { title: "   ".into(), ..upsert() }.validated().unwrap_err();
        assert_eq!(err.field, "title");
        let err = ArticleUpsert { title: "a\nb".into(), ..upsert() }.validated().unwrap_err();
        assert!(err.to_string().contains("line break"), "{err}");
    }

    #[test]
    fn enforces_size_limits() {
        let err = ArticleUpsert { body_text: "x".repeat(limits::BODY_BYTES + 1), ..upsert() }.validated().unwrap_err();
        assert_eq!(err.field, "body");
        let err = ArticleUpsert { title: "t".repeat(limits::TITLE_CHARS + 1), ..upsert() }.validated().unwrap_err();
        assert_eq!(err.field, "title");
    }

    #[test]
    fn a_language_tags_primary_subtag() {
        for (tag, primary) in [("de-DE", "de"), ("pt_BR", "pt"), (" en ", "en"), ("zh-Hant-TW", "zh"), ("", "")] {
            assert_eq!(primary_language(tag), primary, "{tag}");
        }
    }

    #[test]
    fn languages_and_domains() {
        let a = ArticleUpsert {
            language: Some("pt_br".into()),
            original_domain: Some("WWW.Example.org".into()),
            ..upsert()
        }
        .validated()
        .unwrap();
        assert_eq!(a.language.as_deref(), Some("pt-BR"));
        assert_eq!(a.original_domain.as_deref(), Some("www.example.org"));
        let err = ArticleUpsert { language: Some("english!".into()), ..upsert() }.validated().unwrap_err();
        assert_eq!(err.field, "language");
        let err = ArticleUpsert { original_domain: Some("not a host".into()), ..upsert() }.validated().unwrap_err();
        assert_eq!(err.field, "original_source");
    }

    #[test]
    fn original_domain_comes_from_original_url() {
        let a = ArticleUpsert { original_url: Some(Url::parse("https://News.Example.net/x").unwrap()), ..upsert() }
            .validated()
            .unwrap();
        assert_eq!(a.original_domain.as_deref(), Some("news.example.net"));
    }

    #[test]
    fn rejects_non_web_urls() {
        let err = ArticleUpsert { url: Some(Url::parse("javascript:alert(1)").unwrap()), ..upsert() }
            .validated()
            .unwrap_err();
        assert_eq!(err.field, "url");
    }
}
