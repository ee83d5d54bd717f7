//! Finding a site's feeds from its home page: `<link rel="alternate">` elements of feed
//! types, then the paths where feeds usually live.

use url::Url;

use crate::parse::entities_unescape;

/// Feed types announced by `<link rel="alternate" type="...">`.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
];

/// Paths tried when a page announces no feed.
pub const COMMON_FEED_PATHS: &[&str] =
    &["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/rss/index.xml"];

/// The feed addresses a page announces, absolute, in the page's order, without repeats.
#[must_use]
pub fn feed_links(html: &str, page_url: &Url) -> Vec<Url> {
    let mut found: Vec<Url> = Vec::new();
    let lower = html.to_ascii_lowercase();
    // A <base href> changes what relative links mean.
    let base = tags(&lower, html, "base")
        .find_map(|attrs| attr(&attrs, "href").and_then(|h| page_url.join(&h).ok()))
        .unwrap_or_else(|| page_url.clone());
    for attrs in tags(&lower, html, "link") {
        let rel = attr(&attrs, "rel").unwrap_or_default().to_ascii_lowercase();
        let kind = attr(&attrs, "type").unwrap_or_default().to_ascii_lowercase();
        let is_feed =
            rel.split_whitespace().any(|r| r == "alternate") && FEED_TYPES.iter().any(|t| kind.starts_with(t));
        if !is_feed {
            continue;
        }
        if let Some(url) = attr(&attrs, "href")
            .and_then(|h| base.join(h.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            && !found.contains(&url)
        {
            found.push(url);
        }
        if found.len() >= 20 {
            break;
        }
    }
    found
}

/// The attribute text of every `<name ...>` tag, from the original (not lowercased) HTML.
fn tags<'a>(lower: &'a str, html: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    let open = format!("<{name}");
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at + lower.get(at..)?.find(&open)?;
            let after = start + open.len();
            at = after;
            // `<linkfoo` is not `<link`.
            if !lower[after..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>') {
                continue;
            }
            let end = after + lower[after..].find('>')?;
            at = end;
            return Some(html[after..end].to_owned());
        }
    })
}

/// The value of attribute `name` in a tag's attribute text (quoted or not).
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut search = 0;
    while let Some(pos) = lower[search..].find(name) {
        let start = search + pos;
        search = start + name.len();
        let before_ok = start == 0 || lower[..start].ends_with(|c: char| c.is_whitespace());
        let rest = lower[search..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = attrs.len() - rest.len() + 1;
        let raw = attrs[value_start..].trim_start();
        let value = match raw.chars().next() {
            Some(q @ ('"' | '\'')) => raw[1..].split(q).next().unwrap_or_default(),
            _ => raw.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default(),
        };
        return Some(entities_unescape(value));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_announced_feeds_resolved_and_deduplicated() {
        let page = Url::parse("https://harbour.example/news/").unwrap();
        let html = r#"<html><head>
            <LINK REL="alternate" TYPE="application/rss+xml" title="All news" HREF="/feed.xml">
            <link rel='alternate' type='application/atom+xml' href='atom.xml?a=1&amp;b=2'>
            <link rel="alternate" type="text/html" href="/fr/">
            <link rel="stylesheet" type="text/css" href="/s.css">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <link rel="alternate" type="application/feed+json" href="javascript:alert(1)">
            <linkage rel="alternate" type="application/rss+xml" href="/nope.xml">
        </head></html>"#;
        let links: Vec<String> = feed_links(html, &page).iter().map(Url::to_string).collect();
        assert_eq!(links, ["https://harbour.example/feed.xml", "https://harbour.example/news/atom.xml?a=1&b=2"]);
    }

    #[test]
    fn a_base_element_changes_relative_links() {
        let page = Url::parse("https://harbour.example/a/b").unwrap();
        let html = r#"<base href="https://cdn.harbour.example/site/"><link rel="alternate" type="application/rss+xml" href="rss">"#;
        assert_eq!(feed_links(html, &page)[0].as_str(), "https://cdn.harbour.example/site/rss");
    }
}
