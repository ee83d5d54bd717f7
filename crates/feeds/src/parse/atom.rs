//! Atom 1.0 and Atom 0.3, with `xml:base` resolved at every level.

use newsdesk_model::parse_date;
use url::Url;

use super::xml::Element;
use super::{EntryParts, FeedFormat, ParsedFeed, html, resolve};

const ATOM03_NS: &str = "http://purl.org/atom/ns#";
const DC: &[&str] = &["http://purl.org/dc/elements/1.1/", "prefix:dc"];

pub(crate) fn parse(root: &Element, feed_url: &Url) -> ParsedFeed {
    let is_03 = root.ns.as_deref() == Some(ATOM03_NS) || root.attr("version") == Some("0.3");
    let mut feed = ParsedFeed::empty(if is_03 { FeedFormat::Atom03 } else { FeedFormat::Atom10 });
    let base = xml_base(feed_url, root);
    feed.title = root.first("title").map(|t| text_construct(t).0).map(|t| html::one_line(&t)).filter(|t| !t.is_empty());
    feed.site_url = alternate(root).and_then(|h| resolve(&base, &h));
    feed.language = root.attr("xml:lang").map(str::to_owned).filter(|l| !l.is_empty());
    // An <item> inside an Atom feed (a writer mixing formats) is read as an entry.
    for e in root.elements().filter(|e| e.name == "entry" || e.name == "item") {
        let entry_base = xml_base(&base, e);
        feed.entries.push(entry(e, &entry_base));
    }
    feed
}

fn entry(e: &Element, base: &Url) -> super::ParsedEntry {
    let content = e.first("content").and_then(|c| {
        let content_base = xml_base(base, c);
        // Out-of-line content (src=) is not carried in the feed.
        if c.attr("src").is_some() {
            return None;
        }
        let (markup, is_html) = text_construct(c);
        // Relative URLs inside content resolve against the content's own base.
        let markup = if is_html && content_base != *base { rebase(&markup, &content_base) } else { markup };
        (!markup.trim().is_empty()).then_some((markup, is_html))
    });
    let summary = e
        .first("summary")
        .or_else(|| e.first("description"))
        .or_else(|| e.first("group").and_then(|g| g.first("description")))
        .map(text_construct)
        .filter(|(s, _)| !s.trim().is_empty());
    let title = e.first("title").map(|t| text_construct(t).0);
    let date =
        |names: &[&str]| names.iter().find_map(|n| e.first(n).and_then(Element::text_opt)).and_then(|d| parse_date(&d));
    EntryParts {
        guid: e.first("id").or_else(|| e.first("guid")).and_then(Element::text_opt),
        url: alternate(e).and_then(|h| resolve(base, &h)),
        title,
        summary_html: summary,
        content_html: content,
        // Every author's name, not only the first's.
        author: Some(
            e.all("author")
                .filter_map(|a| a.first("name"))
                .filter_map(Element::text_opt)
                .collect::<Vec<_>>()
                .join(", "),
        )
        .filter(|a| !a.is_empty())
        .or_else(|| e.first_in(DC, "creator").and_then(Element::text_opt)),
        published: date(&["published", "issued", "created"]),
        updated: date(&["updated", "modified"]),
        categories: e
            .all("category")
            .filter_map(|c| c.attr("label").or(c.attr("term")).map(str::to_owned))
            .chain(e.all("subject").filter_map(Element::text_opt))
            .collect(),
        image: super::media::lead_image(e, base),
    }
    .build(base)
}

/// A text construct's markup and whether it is HTML: `type="html"`/`"text/html"` and
/// Atom 0.3's `mode="escaped"` are escaped HTML; `type="xhtml"` and `mode="xml"` are inline
/// markup; `text` is plain; an unknown type is judged by its content.
fn text_construct(el: &Element) -> (String, bool) {
    let kind = el.attr("type").unwrap_or("text").trim().to_ascii_lowercase();
    let mode = el.attr("mode").map(str::to_ascii_lowercase);
    let inline_markup = || {
        // XHTML content is wrapped in one <div>; take what is inside it.
        let mut divs = el.elements();
        match (divs.next(), divs.next()) {
            (Some(div), None) if div.name == "div" => div.inner_xml(),
            _ => el.inner_xml(),
        }
    };
    // Atom 1.0 (4.1.3.3): a type that is a media type, neither XML nor text/*, is base64.
    let binary = kind.contains('/') && !kind.starts_with("text/") && !kind.ends_with("+xml") && !kind.ends_with("/xml");
    match (kind.as_str(), mode.as_deref()) {
        (_, Some("xml")) | ("xhtml" | "application/xhtml+xml", _) => (inline_markup(), true),
        // Markup written into a text construct as elements: the writer meant markup.
        ("text", None) if el.elements().next().is_some() => (el.inner_xml(), true),
        (_, None) if binary => match decode_base64(&el.text()) {
            Some(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let is_html = html::looks_like_html(&text);
                (text, is_html)
            }
            // Not base64 after all: judged by its content, as any unknown type.
            None => {
                let text = el.text();
                let is_html = html::looks_like_html(&text);
                (text, is_html)
            }
        },
        (_, Some("base64")) => {
            // Atom 0.3's base64 mode: the decoded text, read as its type says.
            let text = decode_base64(&el.text()).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
            let is_html = matches!(kind.as_str(), "html" | "text/html" | "application/xhtml+xml")
                || (kind != "text" && kind != "text/plain" && html::looks_like_html(&text));
            (text, is_html)
        }
        ("html" | "text/html", _) => (el.text(), true),
        ("text" | "text/plain", _) => (el.text(), false),
        _ => {
            let text = el.text();
            let is_html = html::looks_like_html(&text);
            (text, is_html)
        }
    }
}

/// Standard base64 (whitespace ignored, padding optional); `None` when it is not base64.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The first `rel="alternate"` (or rel-less) link, preferring HTML.
fn alternate(el: &Element) -> Option<String> {
    let links: Vec<&Element> = el.all("link").filter(|l| l.attr("rel").is_none_or(|r| r == "alternate")).collect();
    links
        .iter()
        .find(|l| l.attr("type").is_none_or(|t| t.contains("html")))
        .or(links.first())
        // An address written as the link's text (some Atom 0.3 feeds) stands for href.
        .and_then(|l| l.attr("href").map(str::to_owned).or_else(|| l.text_opt()))
}

fn xml_base(parent: &Url, el: &Element) -> Url {
    el.attr("xml:base").and_then(|b| parent.join(b.trim()).ok()).unwrap_or_else(|| parent.clone())
}

/// Makes the content's relative addresses absolute against its own base before it is
/// sanitized against the entry's base.
fn rebase(markup: &str, base: &Url) -> String {
    newsdesk_model::SafeHtml::sanitize_with_base(markup, base).as_str().to_owned()
}
