//! [`SafeHtml`]: HTML that has been through the sanitizer. The type system keeps unsanitized
//! HTML out of storage and pages: the only constructors sanitize, or (for rows read back from
//! the store, which only ever stored sanitized HTML) say loudly that they trust their input.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

thread_local! {
    /// The sanitizer's settings, made once a thread (building ammonia's tables of tags and
    /// attributes for every article cost more than a hundredth of the crawl): its defaults,
    /// links marked `rel="noopener noreferrer nofollow"`; each call sets how relative
    /// addresses are treated.
    static SANITIZER: std::cell::RefCell<ammonia::Builder<'static>> = std::cell::RefCell::new({
        let mut builder = ammonia::Builder::default();
        builder.link_rel(Some("noopener noreferrer nofollow"));
        builder
    });
}

/// Sanitized HTML, safe to store and to insert into a page unescaped.
#[derive(Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Sanitizes `untrusted` HTML with ammonia's conservative defaults (no scripts, no event
    /// handlers, no `javascript:` URLs, no styles) and marks every link `rel="noopener
    /// noreferrer nofollow"`.
    #[must_use]
    pub fn sanitize(untrusted: &str) -> Self {
        SANITIZER
            .with_borrow_mut(|b| Self(b.url_relative(ammonia::UrlRelative::PassThrough).clean(untrusted).to_string()))
    }

    /// Sanitizes like [`SafeHtml::sanitize`], and makes every relative link and image address
    /// absolute against `base` (the page or feed the HTML came from).
    #[must_use]
    pub fn sanitize_with_base(untrusted: &str, base: &url::Url) -> Self {
        SANITIZER.with_borrow_mut(|b| {
            Self(b.url_relative(ammonia::UrlRelative::RewriteWithBase(base.clone())).clean(untrusted).to_string())
        })
    }

    /// Wraps HTML read back from the store. Only the store may call this: everything it holds
    /// was sanitized on the way in (see ARCHITECTURE.md, "Invariant: stored HTML is sanitized").
    #[must_use]
    pub fn from_store(already_sanitized: String) -> Self {
        Self(already_sanitized)
    }

    /// The same HTML without NUL characters. Removing a character that is not markup cannot
    /// make markup: every `<` in sanitized HTML is a tag ammonia kept or was escaped.
    #[must_use]
    pub(crate) fn without_nul(self) -> Self {
        match crate::xml_safe(&self.0) {
            std::borrow::Cow::Borrowed(_) => self,
            std::borrow::Cow::Owned(clean) => Self(clean),
        }
    }

    /// HTML this crate built from safe HTML without adding markup (see `html_images`).
    pub(crate) fn already_safe(html: String) -> Self {
        Self(html)
    }

    /// The HTML text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when there is no markup and no text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for SafeHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SafeHtml({} bytes)", self.0.len())
    }
}

/// Deserializing sanitizes again: serialized input (JSON Lines, an API body) is outside input.
impl<'de> Deserialize<'de> for SafeHtml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Self::sanitize(&raw))
    }
}

/// Turns plain text with one paragraph per line into `<p>` elements, escaping every character
/// that means something in HTML. Blank lines are dropped.
#[must_use]
pub fn paragraphs_to_html(text: &str) -> SafeHtml {
    let mut html = String::with_capacity(text.len() + 64);
    for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
        html.push_str("<p>");
        escape_html_into(paragraph, &mut html);
        html.push_str("</p>\n");
    }
    // Escaped text inside <p> is already safe; no second sanitizer pass is needed.
    SafeHtml(html)
}

/// Appends `text` to `out` with every character that means something in HTML escaped.
pub fn escape_html_into(text: &str, out: &mut String) {
    // The text between special characters goes in whole runs. The five are ASCII, so every
    // cut falls on a character boundary; as bits of one word, a byte is tested at one go.
    const SPECIAL: u64 = (1 << b'&') | (1 << b'<') | (1 << b'>') | (1 << b'"') | (1 << b'\'');
    out.reserve(text.len());
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte >= 64 || (SPECIAL >> byte) & 1 == 0 {
            continue;
        }
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        };
        out.push_str(&text[run..at]);
        out.push_str(entity);
        run = at + 1;
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_scripts_handlers_and_javascript_urls() {
        let html = SafeHtml::sanitize(
            r#"<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(2)">x</a> <a href="https://example.org/a">ok</a></p><img src=x onerror=alert(3)>"#,
        );
        let s = html.as_str();
        assert!(!s.contains("script"), "{s}");
        assert!(!s.contains("onclick"), "{s}");
        assert!(!s.contains("onerror"), "{s}");
        assert!(!s.contains("javascript:"), "{s}");
        assert!(s.contains(r#"href="https://example.org/a""#), "{s}");
        assert!(s.contains("noopener"), "{s}");
    }

    #[test]
    fn relative_addresses_become_absolute() {
        let base = url::Url::parse("https://news.example/2026/05/story.html").unwrap();
        let html = SafeHtml::sanitize_with_base(r#"<a href="../other.html">o</a><img src="/img/a.jpg">"#, &base);
        assert!(html.as_str().contains(r#"href="https://news.example/2026/other.html""#), "{}", html.as_str());
        assert!(html.as_str().contains(r#"src="https://news.example/img/a.jpg""#), "{}", html.as_str());
    }

    #[test]
    fn every_character_that_means_something_in_html_is_escaped() {
        let mut out = String::new();
        escape_html_into("<b>Tom & Jerry's</b> \"café\" a/b", &mut out);
        assert_eq!(out, "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; &quot;café&quot; a/b");
    }

    #[test]
    fn paragraphs_are_escaped() {
        let html = paragraphs_to_html("First <b>bold</b> & \"quoted\"\n\n  Second '2'  \n");
        assert_eq!(
            html.as_str(),
            "<p>First &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</p>\n<p>Second &#39;2&#39;</p>\n"
        );
    }

    #[test]
    fn deserializing_sanitizes() {
        let html: SafeHtml = serde_json::from_str(r#""<p>a</p><script>x()</script>""#).unwrap();
        assert_eq!(html.as_str(), "<p>a</p>");
    }
}
