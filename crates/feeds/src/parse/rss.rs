//! RSS 0.9x and 2.0 (`<rss>`, with or without a version, or a bare `<channel>`) and RSS 1.0
//! (`<rdf:RDF>`, items beside the channel).

use newsdesk_model::parse_date;
use url::Url;

use super::xml::Element;
use super::{EntryParts, FeedFormat, ParsedFeed, resolve};

const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
const CONTENT: &[&str] = &[CONTENT_NS, "prefix:content"];
const DC: &[&str] = &[DC_NS, "prefix:dc"];
const ATOM: &[&str] = &[ATOM_NS, "prefix:atom"];
const DCTERMS: &[&str] = &["http://purl.org/dc/terms/", "prefix:dcterms"];

pub(crate) fn parse(root: &Element, feed_url: &Url, format: FeedFormat) -> ParsedFeed {
    let mut feed = ParsedFeed::empty(format);
    let root_base = xml_base(feed_url, root);
    let channel = if root.name == "channel" { Some(root) } else { root.first("channel") };
    let base = channel.map_or(root_base.clone(), |c| xml_base(&root_base, c));
    if let Some(c) = channel {
        feed.title = c.first("title").and_then(Element::text_opt);
        feed.site_url = plain_link(c).and_then(|l| resolve(&base, &l));
        feed.language = c.first("language").or_else(|| c.first_in(DC, "language")).and_then(Element::text_opt);
        feed.ttl_minutes = c.first("ttl").and_then(Element::text_opt).and_then(|t| t.parse().ok());
        feed.skip_hours = c
            .first("skipHours")
            .map(|s| s.all("hour").filter_map(|h| h.text().trim().parse::<u8>().ok()).filter(|h| *h < 24).collect())
            .unwrap_or_default();
    } else {
        feed.problems.push("the feed has no <channel>; read its items anyway".into());
    }
    // RSS 2.0 puts items in the channel; RSS 1.0 and some 0.9x feeds put them beside it.
    let items = channel
        .into_iter()
        .flat_map(|c| c.all("item"))
        .chain(if root.name == "channel" { None } else { Some(root) }.into_iter().flat_map(|r| r.all("item")));
    for item in items {
        let item_base = xml_base(&base, item);
        feed.entries.push(entry(item, &item_base));
    }
    feed
}

fn entry(item: &Element, base: &Url) -> super::ParsedEntry {
    let guid_el = item.first("guid");
    let guid = guid_el.and_then(Element::text_opt).or_else(|| item.attr("rdf:about").map(str::to_owned));
    let permalink = guid_el
        .filter(|g| g.attr("isPermaLink").is_none_or(|v| !v.eq_ignore_ascii_case("false")))
        .and_then(Element::text_opt)
        .filter(|g| g.starts_with("http://") || g.starts_with("https://"));
    let url = plain_link(item)
        .and_then(|l| resolve(base, &l))
        .or_else(|| atom_alternate(item).and_then(|l| resolve(base, &l)))
        .or_else(|| permalink.and_then(|p| resolve(base, &p)))
        .or_else(|| item.attr("rdf:about").and_then(|a| resolve(base, a)));
    // The feed's own <description> (in the item's namespace, or none), not one from another
    // namespace (a media:description); else another namespace's, an itunes:summary, or the
    // description of a media:group.
    let description = item
        .all("description")
        .find(|d| d.ns == item.ns)
        .or_else(|| item.all("description").find(|d| d.ns.is_none()))
        .or_else(|| item.first("description"))
        .or_else(|| item.first("summary"))
        .or_else(|| item.first("group").and_then(|g| g.first("description")))
        .and_then(Element::text_opt);
    // The fullest content: content:encoded, else <body>, <xhtml:body> (inline XHTML) or
    // <fullitem>, which some feeds use instead.
    let encoded = item
        .first_in(CONTENT, "encoded")
        .and_then(Element::text_opt)
        .or_else(|| {
            item.first("body")
                .and_then(|b| if b.elements().next().is_some() { Some(b.inner_xml()) } else { b.text_opt() })
        })
        .or_else(|| item.first("fullitem").and_then(Element::text_opt))
        .filter(|c| !c.trim().is_empty());
    // Every author, not only the first: dc:creator, else RSS's <author>.
    let mut authors: Vec<String> = item
        .all("creator")
        .filter(|e| e.ns.as_deref().is_some_and(|ns| DC.contains(&ns)))
        .filter_map(Element::text_opt)
        .map(|a| rss_author(&a))
        .collect();
    if authors.is_empty() {
        // RSS's own <author> elements (not itunes:author and the like), else the first of any.
        authors = item
            .all("author")
            .filter(|e| e.ns.is_none())
            .filter_map(Element::text_opt)
            .map(|a| rss_author(&a))
            .collect();
    }
    if authors.is_empty() {
        authors.extend(item.first("author").and_then(Element::text_opt).map(|a| rss_author(&a)));
    }
    authors.retain(|a| !a.is_empty());
    authors.dedup();
    let author = (!authors.is_empty()).then(|| authors.join(", "));
    let published = item
        .first("pubDate")
        .or_else(|| item.first_in(DC, "date"))
        .or_else(|| item.first_in(DCTERMS, "issued"))
        .or_else(|| item.first_in(DCTERMS, "created"))
        .and_then(Element::text_opt)
        .and_then(|d| parse_date(&d));
    let updated = item
        .first_in(ATOM, "updated")
        .or_else(|| item.first_in(DC, "modified"))
        .or_else(|| item.first_in(DCTERMS, "modified"))
        .and_then(Element::text_opt)
        .and_then(|d| parse_date(&d));
    let categories = item.all("category").chain(item.all("subject")).filter_map(Element::text_opt).collect();
    EntryParts {
        guid,
        url,
        title: item.first("title").and_then(Element::text_opt),
        summary_html: description.map(|d| (d, true)),
        content_html: encoded.map(|c| (c, true)),
        author,
        published,
        updated,
        categories,
        image: super::media::lead_image(item, base),
    }
    .build(base)
}

/// The text of the first `<link>` that is not an Atom link.
fn plain_link(el: &Element) -> Option<String> {
    el.all("link").filter(|l| !l.ns.as_deref().is_some_and(|ns| ATOM.contains(&ns))).find_map(Element::text_opt)
}

fn atom_alternate(el: &Element) -> Option<String> {
    el.all("link")
        .filter(|l| l.attr("rel").is_none_or(|r| r == "alternate"))
        .find_map(|l| l.attr("href").map(str::to_owned))
}

fn xml_base(parent: &Url, el: &Element) -> Url {
    el.attr("xml:base").and_then(|b| parent.join(b.trim()).ok()).unwrap_or_else(|| parent.clone())
}

/// A byline without an email: RSS's `jo@example.org (Jo Park)` and the reverse
/// `Jo Park (jo@example.org)` give `Jo Park`; a bare address stays (it is all there is).
fn rss_author(raw: &str) -> String {
    let raw = raw.trim();
    match (raw.find('('), raw.rfind(')')) {
        (Some(a), Some(b)) if a < b && raw[..a].contains('@') => raw[a + 1..b].trim().to_owned(),
        (Some(a), Some(b)) if a < b && raw[a..b].contains('@') && !raw[..a].trim().is_empty() => {
            raw[..a].trim().to_owned()
        }
        _ => raw.to_owned(),
    }
}
