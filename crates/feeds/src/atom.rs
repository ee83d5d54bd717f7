//! Atom 1.0 output (RFC 4287).

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};
use chrono::{DateTime, Utc};
use newsdesk_model::SafeHtml;

/// A feed to write.
#[derive(Debug, Clone)]
pub struct OutFeed {
    /// A permanent IRI for the feed; its own URL is fine.
    pub id: String,
    pub title: String,
    /// Where this feed is served.
    pub self_url: String,
    /// The page this feed follows.
    pub site_url: String,
    /// When anything in the feed last changed.
    pub updated: DateTime<Utc>,
    pub entries: Vec<OutEntry>,
}

/// One entry of a feed.
#[derive(Debug, Clone)]
pub struct OutEntry {
    /// A permanent IRI, such as `urn:uuid:...`.
    pub id: String,
    pub title: String,
    /// The entry's page.
    pub url: String,
    pub summary: String,
    /// The full body, when the feed carries it.
    pub content: Option<SafeHtml>,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: DateTime<Utc>,
    /// The entry's lead image, absolute (Atom: an enclosure link; JSON Feed: `image`).
    pub image: Option<String>,
    /// The language of its title, summary and content, a tag such as `de` (Atom: `xml:lang`;
    /// JSON Feed: `language`).
    pub language: Option<String>,
}

fn fixed(t: DateTime<Utc>) -> FixedDateTime {
    t.fixed_offset()
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l.set_mime_type(Some(mime.to_owned()));
    l
}

/// Writes `feed` as an Atom 1.0 document.
#[must_use]
pub fn to_atom(feed: &OutFeed) -> String {
    let entries = feed
        .entries
        .iter()
        .map(|e| {
            let mut entry = Entry::default();
            entry.set_id(e.id.clone());
            let text = |value: &str| Text { lang: e.language.clone(), ..Text::plain(value.to_owned()) };
            entry.set_title(text(&e.title));
            entry.set_updated(fixed(e.updated));
            entry.set_published(e.published.map(fixed));
            let mut links = vec![link(&e.url, "alternate", "text/html")];
            if let Some(image) = &e.image {
                let mut l = Link::default();
                l.set_href(image);
                l.set_rel("enclosure");
                links.push(l);
            }
            entry.set_links(links);
            if !e.summary.is_empty() {
                entry.set_summary(Some(text(&e.summary)));
            }
            if let Some(html) = &e.content {
                let mut content = Content::default();
                content.set_content_type(Some("html".to_owned()));
                content.set_value(Some(html.as_str().to_owned()));
                content.set_lang(e.language.clone());
                entry.set_content(Some(content));
            }
            if let Some(author) = &e.author {
                let mut person = Person::default();
                person.set_name(author.clone());
                entry.set_authors(vec![person]);
            }
            entry
        })
        .collect::<Vec<_>>();
    let mut generator = Generator::default();
    generator.set_value("newsdesk");
    let mut out = Feed::default();
    out.set_id(feed.id.clone());
    out.set_title(Text::plain(feed.title.clone()));
    out.set_updated(fixed(feed.updated));
    out.set_generator(Some(generator));
    out.set_links(vec![
        link(&feed.self_url, "self", "application/atom+xml"),
        link(&feed.site_url, "alternate", "text/html"),
    ]);
    out.set_entries(entries);
    // Whatever came in, the document is well-formed: characters XML forbids are never written.
    newsdesk_model::xml_safe(&out.to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn feed() -> OutFeed {
        let t = Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap();
        OutFeed {
            id: "https://news.example/feed.atom".into(),
            title: "Desk & <Co>".into(),
            self_url: "https://news.example/feed.atom".into(),
            site_url: "https://news.example/".into(),
            updated: t,
            entries: vec![OutEntry {
                id: "urn:uuid:0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55".into(),
                title: "Tide <script>alert(1)</script> & flood".into(),
                url: "https://news.example/articles/0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55".into(),
                summary: "High tide \"tonight\".".into(),
                content: Some(SafeHtml::sanitize("<p>Body & more</p>")),
                author: Some("Jo Park".into()),
                published: Some(t),
                updated: t,
                image: Some("https://news.example/img/ab?u=x&y".into()),
                language: Some("de".into()),
            }],
        }
    }

    #[test]
    fn writes_escaped_atom() {
        let xml = to_atom(&feed());
        assert!(xml.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom""#), "{xml}");
        assert!(xml.contains("<title>Desk &amp; &lt;Co&gt;</title>"), "{xml}");
        assert!(xml.contains("Tide &lt;script&gt;alert(1)&lt;/script&gt; &amp; flood"), "{xml}");
        assert!(!xml.contains("<script>"), "{xml}");
        assert!(xml.contains("<id>urn:uuid:0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55</id>"), "{xml}");
        assert!(xml.contains(r#"rel="self""#) && xml.contains(r#"rel="alternate""#), "{xml}");
        assert!(xml.contains("2026-06-01T10:00:00+00:00"), "{xml}");
        assert!(xml.contains("<name>Jo Park</name>"), "{xml}");
        assert!(xml.contains(r#"href="https://news.example/img/ab?u=x&amp;y" rel="enclosure""#), "{xml}");
        // The entry's language on its title, summary and content.
        assert!(xml.contains(r#"<title xml:lang="de">Tide"#), "{xml}");
        assert!(xml.contains(r#"<summary xml:lang="de">"#), "{xml}");
        assert!(xml.contains(r#"xml:lang="de" type="html""#) || xml.contains(r#"type="html" xml:lang="de""#), "{xml}");
    }

    #[test]
    fn characters_xml_forbids_never_reach_the_document() {
        let mut f = feed();
        f.title = "Desk \u{1}".into();
        f.entries[0].title = "Harbour \u{1} dredging\u{b} plan".into();
        let xml = to_atom(&f);
        assert!(!xml.chars().any(|c| !newsdesk_model::is_xml_char(c)), "{xml:?}");
        let parsed: Feed = xml.parse().unwrap_or_else(|e| unreachable!("well-formed: {e}"));
        assert_eq!(parsed.entries()[0].title().as_str(), "Harbour  dredging plan");
    }

    #[test]
    fn output_reads_back_as_atom() {
        let xml = to_atom(&feed());
        let parsed: Feed = xml.parse().unwrap();
        assert_eq!(parsed.entries().len(), 1);
        assert_eq!(parsed.entries()[0].title().as_str(), "Tide <script>alert(1)</script> & flood");
        assert_eq!(parsed.entries()[0].content().unwrap().value().unwrap(), "<p>Body &amp; more</p>");
    }
}
