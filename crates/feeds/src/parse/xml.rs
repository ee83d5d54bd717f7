//! A small, bounded, forgiving XML tree. Feeds in the wild have mismatched end tags,
//! undeclared prefixes, HTML entities and truncated bodies; the tree keeps everything that
//! could be read and reports the rest as problems. Entities declared in a DTD are never
//! expanded.

use newsdesk_model::escape_html_into;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::entities;

/// Most elements read from one document.
const MAX_ELEMENTS: usize = 250_000;
/// Deepest nesting read.
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    /// The local name, without prefix.
    pub name: String,
    /// The namespace URI; for an undeclared prefix, `prefix:` followed by the prefix.
    pub ns: Option<String>,
    /// Attributes by qualified name, values unescaped.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute with this qualified name (`href`, `xml:base`).
    pub fn attr(&self, qname: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == qname).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Child elements with this local name, in any namespace.
    pub fn all<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = &'a Element> + use<'a, 'n> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first child with this local name, in any namespace.
    pub fn first(&self, name: &str) -> Option<&Element> {
        self.all(name).next()
    }

    /// The first child with this local name in one of these namespaces (or with one of these
    /// undeclared prefixes, written `prefix:`).
    pub fn first_in(&self, namespaces: &[&str], name: &str) -> Option<&Element> {
        self.all(name).find(|e| e.ns.as_deref().is_some_and(|ns| namespaces.contains(&ns)))
    }

    /// All text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }

    /// The trimmed text, or `None` when there is none.
    pub fn text_opt(&self) -> Option<String> {
        let t = self.text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    }

    /// The children serialized back to markup, for XHTML content.
    pub fn inner_xml(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            write_node(child, &mut out);
        }
        out
    }
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => escape_html_into(t, out),
        Node::Element(e) => {
            out.push('<');
            out.push_str(&e.name);
            for (k, v) in &e.attrs {
                if k == "xmlns" || k.starts_with("xmlns:") {
                    continue;
                }
                out.push(' ');
                out.push_str(k.rsplit(':').next().unwrap_or(k));
                out.push_str("=\"");
                escape_html_into(v, out);
                out.push('"');
            }
            out.push('>');
            for child in &e.children {
                write_node(child, out);
            }
            out.push_str("</");
            out.push_str(&e.name);
            out.push('>');
        }
    }
}

/// A parsed document: its root element and what could not be read.
#[derive(Debug)]
pub(crate) struct Document {
    pub root: Element,
    pub problems: Vec<String>,
}

/// The elements that are a feed's entries (RSS and RDF `item`, Atom `entry`).
fn is_entry(name: &str) -> bool {
    name == "item" || name == "entry"
}

/// How many elements a subtree holds, itself included.
fn size(element: &Element) -> usize {
    1 + element
        .children
        .iter()
        .map(|n| match n {
            Node::Element(e) => size(e),
            Node::Text(_) => 0,
        })
        .sum::<usize>()
}

/// The tree being built: the open elements, the root once closed, and the entries kept.
struct Builder {
    stack: Vec<Element>,
    root: Option<Element>,
    /// Elements in the tree (kept ones only: a dropped entry gives its count back).
    elements: usize,
    keep_entries: usize,
    entries_kept: usize,
    entries_dropped: usize,
}

impl Builder {
    /// Puts a finished element under its parent (or makes it the root). Entries past
    /// `keep_entries` are read to their end and dropped here, so a feed of any number of
    /// items costs the memory of the ones kept.
    fn attach(&mut self, done: Element) {
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(done);
            return;
        };
        if is_entry(&done.name) {
            if self.entries_kept >= self.keep_entries {
                self.entries_dropped += 1;
                self.elements -= size(&done);
                return;
            }
            self.entries_kept += 1;
        }
        parent.children.push(Node::Element(done));
    }
}

/// Reads `xml` into a tree, keeping at most `keep_entries` entries (`item`, `entry`): the
/// rest are read and counted in a problem, never held.
///
/// # Errors
/// A message when there is no element at all.
pub(crate) fn parse(xml: &str, keep_entries: usize) -> Result<Document, String> {
    let repaired = entities::repair_bare_ampersands(xml);
    let mut reader = NsReader::from_str(&repaired);
    {
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.check_comments = false;
        config.expand_empty_elements = false;
    }
    let mut problems = Vec::new();
    let mut tree =
        Builder { stack: Vec::new(), root: None, elements: 0, keep_entries, entries_kept: 0, entries_dropped: 0 };
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(pair) => pair,
            Err(e) => {
                problems.push(format!(
                    "the XML is broken at byte {}: {e}; kept what came before",
                    reader.buffer_position()
                ));
                break;
            }
        };
        match event {
            // A second root element: the document is over.
            Event::Start(_) | Event::Empty(_) if tree.root.is_some() && tree.stack.is_empty() => break,
            Event::Start(start) => {
                tree.elements += 1;
                if tree.elements > MAX_ELEMENTS || tree.stack.len() >= MAX_DEPTH {
                    problems.push(format!("the document has more than {MAX_ELEMENTS} elements or {MAX_DEPTH} levels; the rest was not read"));
                    break;
                }
                tree.stack.push(element(&start, &resolved));
            }
            Event::Empty(start) => {
                tree.elements += 1;
                tree.attach(element(&start, &resolved));
            }
            Event::End(end) => {
                let local = String::from_utf8_lossy(end.local_name().as_ref()).into_owned();
                // Close up to the matching element; an end tag that matches nothing is ignored.
                if let Some(pos) = tree.stack.iter().rposition(|e| e.name == local) {
                    while tree.stack.len() > pos {
                        let Some(done) = tree.stack.pop() else { break };
                        tree.attach(done);
                    }
                    if tree.root.is_some() && tree.stack.is_empty() {
                        break;
                    }
                }
            }
            Event::Text(t) => push_text(&mut tree.stack, &String::from_utf8_lossy(&t)),
            Event::CData(c) => push_text(&mut tree.stack, &String::from_utf8_lossy(&c)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text = entities::resolve(&name).unwrap_or_else(|| format!("&{name};"));
                push_text(&mut tree.stack, &text);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !tree.stack.is_empty() {
        problems.push("the document ends before its elements are closed (truncated?); kept what came before".into());
        while let Some(done) = tree.stack.pop() {
            tree.attach(done);
        }
    }
    if tree.entries_dropped > 0 {
        problems.push(format!(
            "the feed has {} entries; only the first {} were read",
            tree.entries_kept + tree.entries_dropped,
            tree.entries_kept
        ));
    }
    let root = tree.root.ok_or_else(|| "no XML element found".to_owned())?;
    Ok(Document { root, problems })
}

fn element(start: &BytesStart<'_>, resolved: &ResolveResult<'_>) -> Element {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let ns = match resolved {
        ResolveResult::Bound(ns) => Some(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        ResolveResult::Unknown(prefix) => Some(format!("prefix:{}", String::from_utf8_lossy(prefix))),
        ResolveResult::Unbound => None,
    };
    let attrs = start
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = entities::unescape(&String::from_utf8_lossy(&a.value));
            (key, value)
        })
        .collect();
    Element { name, ns, attrs, children: Vec::new() }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(current) = stack.last_mut() else { return };
    match current.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => current.children.push(Node::Text(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(xml: &str) -> Result<Document, String> {
        parse(xml, usize::MAX)
    }

    #[test]
    fn entries_past_the_ones_kept_are_counted_and_never_held() {
        let items: String = (0..50).map(|i| format!("<item><title>{i}</title></item>")).collect();
        let doc = parse(&format!("<rss><channel><title>T</title>{items}</channel></rss>"), 10).unwrap();
        let channel = doc.root.first("channel").unwrap();
        let titles: Vec<String> = channel.all("item").map(|i| i.first("title").unwrap().text()).collect();
        assert_eq!(titles, (0..10).map(|i| i.to_string()).collect::<Vec<_>>());
        assert_eq!(doc.problems, ["the feed has 50 entries; only the first 10 were read"]);
        // Dropped entries give their elements back: a long feed is not cut off by the
        // element bound when the entries kept are few.
        let many: String = (0..200_000).map(|_| "<item><title>x</title><link>y</link></item>").collect();
        let doc = parse(&format!("<rss><channel>{many}</channel></rss>"), 2_000).unwrap();
        assert_eq!(doc.root.first("channel").unwrap().all("item").count(), 2_000);
        assert_eq!(doc.problems, ["the feed has 200000 entries; only the first 2000 were read"]);
    }

    #[test]
    fn reads_namespaces_entities_and_cdata() {
        let doc = parse_all(
            r#"<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>A &amp; B &hellip;</title><dc:creator>Jo</dc:creator><x:y>undeclared</x:y><description><![CDATA[<p>Q&A</p>]]></description></channel></rss>"#,
        )
        .unwrap();
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let channel = doc.root.first("channel").unwrap();
        assert_eq!(channel.first("title").unwrap().text(), "A & B …");
        assert_eq!(channel.first_in(&["http://purl.org/dc/elements/1.1/"], "creator").unwrap().text(), "Jo");
        assert_eq!(channel.first("y").unwrap().ns.as_deref(), Some("prefix:x"));
        assert_eq!(channel.first("description").unwrap().text(), "<p>Q&A</p>");
    }

    #[test]
    fn forgives_mismatched_and_missing_end_tags() {
        let doc = parse_all("<rss><channel><item><title>One</b></title></item><item><title>Two").unwrap();
        let channel = doc.root.first("channel").unwrap();
        let titles: Vec<String> = channel.all("item").map(|i| i.first("title").unwrap().text()).collect();
        assert_eq!(titles, ["One", "Two"]);
        assert!(doc.problems[0].contains("truncated"));
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>"#;
        let doc = parse_all(bomb).unwrap();
        assert_eq!(doc.root.first("channel").unwrap().first("title").unwrap().text(), "&lol3;");
    }

    #[test]
    fn bounds_depth() {
        let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
        let doc = parse_all(&deep).unwrap();
        assert!(doc.problems.iter().any(|p| p.contains("levels")), "{:?}", doc.problems);
    }

    #[test]
    fn no_element_is_an_error() {
        assert!(parse_all("just text").is_err());
        assert!(parse_all("").is_err());
    }
}
