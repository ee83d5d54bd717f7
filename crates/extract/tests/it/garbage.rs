//! Any bytes at all: extraction ends, never panics, and its output is bounded by its input.

use newsdesk_extract::{Page, extract};
use proptest::prelude::*;

/// Pieces of tag soup that pages are made of, broken ones included.
const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<a href=\"/x\">",
    "</a>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "</td></tr></table>",
    "<svg>",
    "<b><i>",
    "</b></i>",
    "<br>",
    "<h2>",
    "<li>",
    "<ul>",
    "<style>",
    "</style>",
    "<template>",
    "<noscript>",
    "<article class=\"story\">",
    "<div hidden>",
    "<span style=\"display:none\">",
    "<html><body>",
    "</body>",
    "<meta charset=\"koi8-r\">",
    "\u{0}",
    "&amp;",
    "&#x0;",
    "<img data-src=\"//cdn/x.jpg\" srcset=\"a 1w, b 2w\">",
    "The harbour reopened on Tuesday, after repairs. ",
    "Fishing crews returned, and the first ferry left at noon. ",
    "<",
    ">",
    "\"",
    "é",
    "中文",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let e = extract(Page { bytes: &bytes, content_type: None, url: None });
        prop_assert!(e.text.len() <= bytes.len() * 3 + 16);
    }

    #[test]
    fn tag_soup_never_panics(pieces in proptest::collection::vec(0..PIECES.len(), 0..400)) {
        let html: String = pieces.iter().map(|&i| PIECES[i]).collect();
        let e = extract(Page { bytes: html.as_bytes(), content_type: None, url: None });
        for bad in ["<script", "<style", "<svg", "<template", "hidden", "display:none"] {
            prop_assert!(!e.html.contains(bad), "{} in {}", bad, e.html);
        }
        // Every word of the text is in the page's text (tags and comments removed: inline tags
        // and comments join words). A "<" starts a tag only before a letter, "/" or "!"; a
        // comment runs from "<!--" to the next "-->", tags inside it included; script and
        // style bodies are raw text, never output, and hold no comments, as in HTML.
        let mut plain = String::new();
        let mut in_tag = false;
        let mut rest = html.as_str();
        while let Some(c) = rest.chars().next() {
            if !in_tag
                && let Some(raw) = ["script", "style"].into_iter().find(|t| rest.starts_with(&format!("<{t}")))
            {
                let close = format!("</{raw}");
                rest = rest[1..].find(&close).map_or("", |at| &rest[1 + at..]);
                continue;
            }
            if !in_tag && let Some(comment) = rest.strip_prefix("<!--") {
                rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
                continue;
            }
            rest = &rest[c.len_utf8()..];
            let opens = c == '<' && rest.chars().next().is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!');
            match c {
                '<' if opens => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag && !c.is_whitespace() => plain.push(c),
                _ => {}
            }
        }
        // (Entities are decoded in the text and not in `plain`: compare the letters between.)
        for word in e.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(100) {
            prop_assert!(plain.contains(word), "{} not in the page", word);
        }
    }
}
