//! CDF, Microsoft's Channel Definition Format (`<CHANNEL>`, 1997): a channel with its TITLE,
//! ABSTRACT and HREF, and ITEMs with their own and a LASTMOD date. Nested channels' items are
//! read as the channel's. Element and attribute names are matched without regard to case, as
//! CDF's own readers did.

use newsdesk_model::parse_date;
use url::Url;

use super::xml::Element;
use super::{EntryParts, FeedFormat, ParsedFeed, resolve};

/// Deepest channel nesting read.
const MAX_NESTING: usize = 8;

pub(crate) fn parse(root: &Element, feed_url: &Url) -> ParsedFeed {
    let mut feed = ParsedFeed::empty(FeedFormat::Cdf);
    feed.title = child_text(root, "TITLE");
    feed.site_url = attr(root, "HREF").and_then(|h| resolve(feed_url, h));
    items(root, feed_url, &mut feed, 0);
    feed
}

fn items(channel: &Element, base: &Url, feed: &mut ParsedFeed, depth: usize) {
    for child in channel.elements() {
        if child.name.eq_ignore_ascii_case("ITEM") {
            let parts = EntryParts {
                guid: None,
                url: attr(child, "HREF").and_then(|h| resolve(base, h)),
                title: child_text(child, "TITLE"),
                summary_html: None,
                content_html: child_text(child, "ABSTRACT").map(|a| (a, false)),
                author: None,
                published: None,
                updated: attr(child, "LASTMOD").and_then(parse_date),
                categories: Vec::new(),
                image: None,
            };
            feed.entries.push(parts.build(base));
        } else if child.name.eq_ignore_ascii_case("CHANNEL") && depth < MAX_NESTING {
            items(child, base, feed, depth + 1);
        }
    }
}

fn attr<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn child_text(element: &Element, name: &str) -> Option<String> {
    element.elements().find(|e| e.name.eq_ignore_ascii_case(name)).and_then(Element::text_opt)
}
