//! The page's metadata. The order of trust, field by field: JSON-LD (NewsArticle and friends),
//! then OpenGraph, Twitter and other `<meta>` tags, then `<time>`, then the page itself
//! (`<title>`, the first `<h1>`, `<html lang>`, a byline element).

use chrono::{DateTime, Utc};
use serde_json::Value;
use url::Url;

use crate::dom::{Dom, NodeData, NodeId};

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub modified: Option<DateTime<Utc>>,
    pub canonical: Option<Url>,
    pub image: Option<Url>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    /// `og:type`, lowercased (`article`, `website`, ...).
    pub og_type: Option<String>,
    /// Whether JSON-LD describes the page as an article of some kind.
    pub ld_article: bool,
    /// Whether JSON-LD describes the page as a listing (CollectionPage, ItemList, ...).
    pub ld_listing: bool,
    /// JSON-LD `isAccessibleForFree: false`: a paywall.
    pub paywalled: bool,
    /// The page's own base for relative links (`<base href>`, else the URL it came from).
    pub base: Option<Url>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "techarticle",
    "scholarlyarticle",
];

const LISTING_TYPES: &[&str] = &["collectionpage", "itemlist", "searchresultspage", "profilepage"];

/// Reads the metadata of `dom`; `url` is where the page came from, for relative addresses.
pub(crate) fn read(dom: &Dom, order: &[NodeId], url: Option<&Url>) -> Metadata {
    let mut found = Found::default();
    for &n in order {
        let Some(tag) = dom.tag(n) else { continue };
        match &**tag {
            "meta" => found.meta(dom, n),
            "link" => {
                let rel = dom.attr(n, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && found.canonical.is_none() {
                    found.canonical = dom.attr(n, "href").map(str::to_owned);
                }
            }
            "script" => {
                if dom.attr(n, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                    let raw = dom.text_of_raw(n);
                    if raw.len() <= 1_000_000
                        && let Ok(v) = serde_json::from_str::<Value>(&raw)
                    {
                        found.json_ld(&v, 0);
                    }
                }
            }
            "title" if found.title_tag.is_none() => found.title_tag = Some(dom.text_of(n)),
            "html" if found.html_lang.is_none() => found.html_lang = dom.attr(n, "lang").map(str::to_owned),
            "base" if found.base.is_none() => found.base = dom.attr(n, "href").map(str::to_owned),
            "h1" if found.h1.is_none() => found.h1 = Some(dom.text_of(n)).filter(|t| !t.is_empty()),
            "time" if found.time.is_none() => found.time = dom.attr(n, "datetime").map(str::to_owned),
            _ => {
                if found.byline_element.is_none() && is_byline_element(dom, n) {
                    let text = dom.text_of(n);
                    if (3..=120).contains(&text.chars().count()) {
                        found.byline_element = Some(text);
                    }
                }
            }
        }
    }
    found.finish(url)
}

fn is_byline_element(dom: &Dom, n: NodeId) -> bool {
    if dom.attr(n, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || dom.attr(n, "itemprop").is_some_and(|r| r.eq_ignore_ascii_case("author"))
    {
        return true;
    }
    dom.attr(n, "class").is_some_and(|c| c.split_whitespace().any(|t| t.eq_ignore_ascii_case("byline")))
}

#[derive(Default)]
struct Found {
    ld_title: Option<String>,
    ld_authors: Vec<String>,
    ld_published: Option<String>,
    ld_modified: Option<String>,
    ld_image: Option<String>,
    ld_publisher: Option<String>,
    ld_site: Option<String>,
    ld_language: Option<String>,
    ld_url: Option<String>,
    ld_description: Option<String>,
    ld_article: bool,
    ld_listing: bool,
    paywalled: bool,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    title_tag: Option<String>,
    html_lang: Option<String>,
    base: Option<String>,
    h1: Option<String>,
    time: Option<String>,
    byline_element: Option<String>,
}

impl Found {
    fn meta(&mut self, dom: &Dom, n: NodeId) {
        let key = dom.attr(n, "property").or_else(|| dom.attr(n, "name")).or_else(|| dom.attr(n, "itemprop"));
        let key = match key {
            Some(k) => k.trim().to_ascii_lowercase(),
            None => match dom.attr(n, "http-equiv") {
                Some(k) => format!("http-equiv:{}", k.trim().to_ascii_lowercase()),
                None => return,
            },
        };
        if let Some(content) = dom.attr(n, "content")
            && !content.trim().is_empty()
            && self.metas.len() < 500
        {
            self.metas.push((key, content.trim().to_owned()));
        }
    }

    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    }

    fn json_ld(&mut self, v: &Value, depth: usize) {
        if depth > 6 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().take(50).for_each(|i| self.json_ld(i, depth + 1)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.json_ld(graph, depth + 1);
                }
                let types = types_of(map.get("@type"));
                if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) && !self.ld_article {
                    self.ld_article = true;
                    self.article(map);
                } else if types.iter().any(|t| LISTING_TYPES.contains(&t.as_str())) {
                    self.ld_listing = true;
                } else if types.iter().any(|t| t == "website" || t == "organization" || t == "newsmediaorganization")
                    && self.ld_site.is_none()
                {
                    self.ld_site = string(map.get("name"));
                }
            }
            _ => {}
        }
    }

    fn article(&mut self, map: &serde_json::Map<String, Value>) {
        self.ld_title = string(map.get("headline")).or_else(|| string(map.get("name")));
        self.ld_authors = names(map.get("author"));
        self.ld_published = string(map.get("datePublished")).or_else(|| string(map.get("dateCreated")));
        self.ld_modified = string(map.get("dateModified"));
        self.ld_image = image(map.get("image")).or_else(|| image(map.get("thumbnailUrl")));
        self.ld_publisher = map.get("publisher").and_then(|p| names(Some(p)).into_iter().next());
        self.ld_language = string(map.get("inLanguage"));
        self.ld_url = string(map.get("url")).or_else(|| match map.get("mainEntityOfPage") {
            Some(Value::Object(m)) => string(m.get("@id")).or_else(|| string(m.get("url"))),
            other => string(other),
        });
        self.ld_description = string(map.get("description"));
        self.paywalled = match map.get("isAccessibleForFree") {
            Some(Value::Bool(b)) => !b,
            Some(Value::String(s)) => s.eq_ignore_ascii_case("false"),
            _ => false,
        };
    }

    fn finish(self, url: Option<&Url>) -> Metadata {
        let base = self
            .base
            .as_deref()
            .and_then(|b| match url {
                Some(u) => u.join(b).ok(),
                None => Url::parse(b).ok(),
            })
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .or_else(|| url.cloned());
        let absolute = |raw: Option<String>| -> Option<Url> {
            let raw = raw?;
            let u = match &base {
                Some(b) => b.join(raw.trim()).ok()?,
                None => Url::parse(raw.trim()).ok()?,
            };
            matches!(u.scheme(), "http" | "https").then_some(u)
        };
        let site_name = self
            .ld_publisher
            .clone()
            .or_else(|| self.get(&["og:site_name", "application-name"]))
            .or(self.ld_site.clone());
        let title = self
            .ld_title
            .clone()
            .or_else(|| self.get(&["og:title", "twitter:title", "headline", "dc.title"]))
            .or_else(|| self.h1.clone())
            .or_else(|| self.title_tag.as_deref().map(|t| strip_site_suffix(t, site_name.as_deref())))
            .map(|t| clean_line(&t))
            .filter(|t| !t.is_empty());
        let byline = if self.ld_authors.is_empty() {
            self.get(&["author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"])
                .filter(|a| !a.starts_with("http"))
                .or(self.byline_element.clone())
        } else {
            Some(self.ld_authors.join(", "))
        }
        .map(|b| clean_byline(&b))
        .filter(|b| !b.is_empty());
        let date = |ld: &Option<String>, keys: &[&str]| {
            ld.as_deref()
                .and_then(newsdesk_model::parse_date)
                .or_else(|| self.get(keys).and_then(|d| newsdesk_model::parse_date(&d)))
        };
        let published = date(
            &self.ld_published,
            &[
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "date",
                "dc.date",
                "dc.date.issued",
                "pubdate",
                "publishdate",
                "parsely-pub-date",
                "sailthru.date",
                "dcterms.created",
            ],
        )
        .or_else(|| self.time.as_deref().and_then(newsdesk_model::parse_date));
        let modified =
            date(&self.ld_modified, &["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"]);
        let canonical = absolute(self.canonical.clone())
            .or_else(|| absolute(self.get(&["og:url"])))
            .or_else(|| absolute(self.ld_url.clone()));
        let image = absolute(self.ld_image.clone())
            .or_else(|| absolute(self.get(&["og:image", "og:image:url", "twitter:image", "twitter:image:src"])));
        let language = self
            .ld_language
            .clone()
            .or_else(|| self.html_lang.clone())
            .or_else(|| self.get(&["og:locale", "http-equiv:content-language", "language", "dc.language"]))
            .and_then(|l| newsdesk_model::normalize_language(&l).ok());
        let description =
            self.ld_description.clone().or_else(|| self.get(&["description", "og:description", "twitter:description"]));
        Metadata {
            title,
            byline,
            published,
            modified,
            canonical,
            image,
            site_name: site_name.map(|s| clean_line(&s)).filter(|s| !s.is_empty()),
            language,
            description,
            og_type: self.get(&["og:type"]).map(|t| t.to_ascii_lowercase()),
            ld_article: self.ld_article,
            ld_listing: self.ld_listing,
            paywalled: self.paywalled,
            base,
        }
    }
}

fn types_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Array(a)) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// Author or publisher names: a string, an object with `name`, or a list of either.
fn names(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !s.starts_with("http") && !out.iter().any(|o: &String| o == s) && out.len() < 10 {
            out.push(s.to_owned());
        }
    };
    match v {
        Some(Value::String(s)) => push(s),
        Some(Value::Object(m)) => {
            if let Some(n) = string(m.get("name")) {
                push(&n);
            }
        }
        Some(Value::Array(a)) => {
            for item in a.iter().take(10) {
                match item {
                    Value::String(s) => push(s),
                    Value::Object(m) => {
                        if let Some(n) = string(m.get("name")) {
                            push(&n);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

fn image(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(m)) => string(m.get("url")).or_else(|| string(m.get("contentUrl"))),
        Some(Value::Array(a)) => a.iter().find_map(|x| image(Some(x))),
        _ => None,
    }
}

/// `Headline | Site` -> `Headline` when the tail is the site's name or short.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if tail_is_site || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3) {
                return head.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}

fn clean_line(s: &str) -> String {
    let mut out = String::new();
    crate::dom::push_collapsed(&mut out, s);
    out.trim().to_owned()
}

fn clean_byline(s: &str) -> String {
    let s = clean_line(s);
    let lower = s.to_ascii_lowercase();
    let s = if lower.starts_with("by ") { s[3..].trim().to_owned() } else { s };
    s.chars().take(200).collect()
}

impl Dom {
    /// The raw text of a `<script>` (JSON-LD), whitespace untouched.
    pub(crate) fn text_of_raw(&self, id: NodeId) -> String {
        self.children(id)
            .filter_map(|c| match &self.nodes[c].data {
                NodeData::Text(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn meta_of(html: &str, url: &str) -> Metadata {
        let dom = Dom::parse(html, Instant::now() + Duration::from_secs(5));
        let order = dom.preorder();
        read(&dom, &order, Url::parse(url).ok().as_ref())
    }

    #[test]
    fn json_ld_outranks_open_graph_and_the_page() {
        let html = r#"<html lang="fr"><head><title>Page title | Gazette</title>
            <meta property="og:title" content="OG title">
            <meta property="article:published_time" content="2026-01-02T03:04:05Z">
            <meta property="og:image" content="/og.jpg">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Gazette"},
              {"@type":["NewsArticle"],"headline":"LD headline","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}],
               "datePublished":"2026-01-01T10:00:00+01:00","dateModified":"2026-01-01T12:00:00Z",
               "image":{"@type":"ImageObject","url":"https://cdn.example.org/lead.jpg"},
               "publisher":{"@type":"Organization","name":"Gazette Media"}}]}</script>
            <link rel="canonical" href="/news/item">
            </head><body><h1>H1 title</h1><time datetime="2025-12-31">yesterday</time></body></html>"#;
        let m = meta_of(html, "https://www.example.org/news/item?utm=1");
        assert_eq!(m.title.as_deref(), Some("LD headline"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(m.published.map(|d| d.to_rfc3339()).as_deref(), Some("2026-01-01T09:00:00+00:00"));
        assert_eq!(m.modified.map(|d| d.to_rfc3339()).as_deref(), Some("2026-01-01T12:00:00+00:00"));
        assert_eq!(m.canonical.as_ref().map(Url::as_str), Some("https://www.example.org/news/item"));
        assert_eq!(m.image.as_ref().map(Url::as_str), Some("https://cdn.example.org/lead.jpg"));
        assert_eq!(m.site_name.as_deref(), Some("Gazette Media"));
        assert_eq!(m.language.as_deref(), Some("fr"));
        assert!(m.ld_article);
    }

    #[test]
    fn falls_back_to_meta_tags_then_the_page() {
        let html = r#"<html><head><title>A quiet harbour reopens - Coast Herald</title>
            <meta name="author" content="By Sam Okafor">
            <meta property="og:image" content="/img/harbour.jpg">
            <meta property="og:site_name" content="Coast Herald"></head>
            <body><time datetime="2026-03-04T05:06:07Z">4 March</time><p>text</p></body></html>"#;
        let m = meta_of(html, "https://coast.example.com/a/1");
        assert_eq!(m.title.as_deref(), Some("A quiet harbour reopens"));
        assert_eq!(m.byline.as_deref(), Some("Sam Okafor"));
        assert_eq!(m.published.map(|d| d.to_rfc3339()).as_deref(), Some("2026-03-04T05:06:07+00:00"));
        assert_eq!(m.image.as_ref().map(Url::as_str), Some("https://coast.example.com/img/harbour.jpg"));
        assert!(!m.ld_article);
    }

    #[test]
    fn broken_json_ld_and_hostile_urls_are_ignored() {
        let html = r#"<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <meta property="og:image" content="javascript:alert(1)"><link rel="canonical" href="data:text/html,x">
            <title>Only title</title></head>"#;
        let m = meta_of(html, "https://example.net/");
        assert_eq!(m.title.as_deref(), Some("Only title"));
        assert!(m.image.is_none());
        assert!(m.canonical.is_none());
    }

    #[test]
    fn a_paywall_is_noticed() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"h","isAccessibleForFree":"False"}</script>"#;
        assert!(meta_of(html, "https://example.net/").paywalled);
    }
}
