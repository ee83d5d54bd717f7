//! Any bytes and any soup of feed markup: the parser ends with entries or an error that says
//! what was wrong, never a panic (which it would catch and report as `Panicked`), and never
//! more entries than it keeps.

use newsdesk_feeds::{FeedError, MAX_ENTRIES, parse_feed};
use proptest::prelude::*;
use url::Url;

/// Pieces that feeds are made of, broken ones included.
const PIECES: &[&str] = &[
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
    "<?xml version=\"1.0\" encoding=\"utf-32\"?>",
    "<rss version=\"2.0\">",
    "</rss>",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "</feed>",
    "<entry>",
    "</entry>",
    "<CHANNEL HREF=\"/\">",
    "<ITEM HREF=\"x\" LASTMOD=\"2026-01-01\">",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
    "<title>",
    "</title>",
    "<title type=\"application/octet-stream\">",
    "<content type=\"xhtml\" mode=\"base64\">",
    "</content>",
    "<link href=\"../up\"/>",
    "<link>",
    "</link>",
    "<description>",
    "</description>",
    "<![CDATA[<p>teaser</p>",
    "]]>",
    "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>",
    "&a;",
    "&amp;",
    "&#x0;",
    "&nbsp;",
    "<pubDate>Tue, 32 Foo 2026</pubDate>",
    "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">A (a@b.example)</dc:creator>",
    "xml:base=\"javascript:alert(1)\"",
    "<div xmlns=\"http://www.w3.org/1999/xhtml\">",
    "</div>",
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[",
    "{\"id\":1,\"content_html\":\"<b>x</b>\"}",
    "]}",
    "<",
    ">",
    "\"",
    "\u{0}",
    "\u{feff}",
    "é",
    "中文",
    "The ferry left at noon. ",
];

fn base() -> Url {
    Url::parse("https://fuzz.example/feed.xml").unwrap_or_else(|_| unreachable!())
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse_feed(bytes, Some("text/xml"), &base()) {
        Ok(feed) => prop_assert!(feed.entries.len() <= MAX_ENTRIES),
        Err(FeedError::Panicked(why)) => prop_assert!(false, "the parser panicked: {why}"),
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }

    #[test]
    fn feed_soup_never_panics(pieces in proptest::collection::vec(0..PIECES.len(), 0..300)) {
        let soup: String = pieces.iter().map(|&i| PIECES[i]).collect();
        check(soup.as_bytes())?;
    }
}
